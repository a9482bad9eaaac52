"""The most common passwords, refused for any account (``passwords.guessable_reason``).

The first thousand of the leaked-password frequency list that zxcvbn ships (MIT licence;
rude, sexual and religious words left out), then a few that a user-led group's laptop
invites (the app's and the roles' own words). Lower case; ``passwords`` compares each new
password, lower-cased and with added digits or symbols taken off, against them. Kept as
Python rather than a data file so it is packaged wherever the code is.
"""

from __future__ import annotations

_WORDS = """
123456 password 12345678 qwerty 123456789 12345 1234 111111 1234567 dragon 123123 baseball
abc123 football monkey letmein shadow master mustang 666666 qwertyuiop 123321 1234567890
superman 654321 1qaz2wsx 7777777 qazwsx jordan 123qwe 000000 killer trustno1 hunter harley
zxcvbnm asdfgh buster batman soccer tigger charlie sunshine iloveyou ranger hockey computer
starwars pepper klaster 112233 zxcvbn freedom princess maggie pass ginger 11111111 131313
love cheese 159753 summer chelsea dallas matrix yankees corvette austin access thunder
merlin secret diamond hello hammer 1234qwer silver gfhjkm internet samantha golfer scooter
test orange cookie q1w2e3r4t5 maverick sparky phoenix mickey bigdog snoopy guitar whatever
chicken camaro mercedes peanut ferrari falcon cowboy welcome samsung steelers smokey dakota
arsenal boomer eagles tigers marina nascar gateway yellow porsche monster spider diablo
hannah bulldog junior london purple compaq lakers iceman qwer1234 cowboys money banana
ncc1701 boston tennis q1w2e3r4 coffee scooby 123654 nikita yamaha mother barney brandy
chester oliver player forever rangers midnight chicago bigdaddy redsox angel badboy fender
jasper slayer rabbit natasha marine wizard marlboro raiders prince casper fishing flower
jasmine adidas winter winner gandalf password1 enter ghbdtn 1q2w3e4r golden cocacola
jordan23 winston madison angels panther spanky sophie asdfasdf thx1138 toyota tiger canada
12344321 8675309 muffin liverpoo apples qwerty123 passw0rd abcd1234 pokemon 123abc slipknot
qazxsw 123456a scorpion qwaszx butter startrek rainbow asdfghjkl razz newyork redskins
gemini cameron qazwsxedc florida liverpool turtle sierra viking booger doctor rocket 159357
dolphins captain bandit jaguar packers pookie peaches 789456 asdf dolphin helpme blue theman
maxwell qwertyui lovers maddog giants nirvana metallic hotdog rosebud mountain warrior
elephant success bond007 alexis lucky scorpio samson q1w2e3 azerty rush2112 driver freddy
1q2w3e4r5t sydney gators dexter red123 123456q 12345a bubba creative voodoo golf trouble
america nissan gunner garfield asdfghjk 5150 apollo 1qazxsw2 2112 eminem legend airborne
bear beavis apple brooklyn godzilla skippy 4815162342 buddy qwert kitten magic shelby beaver
phantom asdasd xavier braves darkness blink182 copper platinum qweqwe tomcat 01012011 girls
bigboy 102030 animal police online 11223344 voyager lifehack 12qwaszx fish sniper 315475
trinity blazer heaven lover snowball loveme bubbles cricket willow donkey topgun nintendo
saturn destiny pakistan pumpkin digital sergey redwings explorer private runner therock
guinness lasvegas beatles 789456123 fire cassie qwerty1 celtic asdf1234 andrey broncos
007007 babygirl eclipse fluffy cartman michigan carolina testing alexande birdie pantera
cherry vampire mexico buffalo genius montana beer minecraft maximus flyers lovely stalker
metallica doggie snickers speedy bronco lol123 paradise yankee horses magnum dreams lacrosse
ou812 goober enigma qwertyu scotty surfer poohbear genesis star asd123 qweasdzxc racing
hello1 hawaii eagle1 viper einstein 12345q drowssap simple badger alaska action jester
drummer 111222 spitfire forest champion diesel svetlana friday hotrod 147258 chevy lucky1
westside security google tester shorty thumper hitman mozart zaq12wsx reddog 010203 lizard
a123456 123456789a ruslan eagle 1232323q scarface qwerty12 147852 a12345 buddha spirit
money1 stargate qwe123 naruto mercury liberty 12345qwert semperfi suzuki popcorn spooky
marley scotland kitty cherokee vikings simpsons rascal qweasd hummer loveyou michael1
patches russia jupiter penguin passion vfhbyf honda vladimir sandman passport raider 123789
infinity bulldogs fantasy 1234554321 domino budlight disney ironman softball brutus redrum
bigred mnbvcxz fktrcfylh karina marines digger kawasaki cougar fireman oksana monday justice
super wildcats tinker logitech dancer swordfis avalon everton alexandr motorola patriots
madonna ducati colorado connor juventus galore smooth freeuser warcraft boogie titanic
wolverin elizabet arizona valentin saints asdfg accord test123 password123 yfnfif stinky
spiderma chopper hello123 ncc1701d extreme skyline zombie pearljam 123qweasd froggy awesome
vision pirate fylhtq dreamer bullet predator empire 123123a kirill charlie1 panthers skipper
nemesis rasdzv3 peekaboo rolltide cardinal danger mookie happy1 chevelle manutd goblue
9379992 hobbes vegeta fyfcnfcbz 852456 picard 159951 windows loverboy victory vfrcbv bambam
serega 123654789 turkey tweety galina hiphop rooster changeme berlin taurus polina electric
avatar 134679 maksim raptor alpha1 hendrix newport brazil spring a1b2c3 madmax alpha britney
sublime darkside bigman wolfpack classic hercules ronaldo letmein1 1q2w3e 741852963
spiderman blizzard 123456789q cheyenne cjkysirj tiger1 wombat bubba1 pandora zxc123 holiday
wildcat devils horse alabama caesar 12312 buddy1 pickle shaggy catch22 leather chronic
a1b2c3d4 admin qqq111 qaz123 airplane kodiak freepass billybob sunset katana phpbb chocolat
snowman angel1 stingray firebird wolves zeppelin detroit pontiac gundam panzer outlaw
redhead tarheels greenday nastya 01011980 engineer dragon1 hellfire serenity cobra fireball
darkstar 1029384756 01011 mustang1 flash 124578 strike beauty pavilion 01012000 bobafett
dbrnjhbz bigmac bowling chris1 ytrewq natali pyramid rulez welcome1 dodgers apache swimming
whynot trooper defender precious 135790 packard weasel popeye lucifer cancer icecream 142536
raven swordfish presario viktor rockstar blonde james1 wutang spike atlanta airforce
thailand casino lennon mouse 741852 hacker bluebird hawkeye 456123 theone catfish sailor
goldfish nfnmzyf tattoo barbie maxima machine trucks wrangler rocks tornado lights cadillac
bubble pegasus madman longhorn browns target qazwsx123 microsoft dilbert baller xfiles
seattle qazqaz cthutq prelude corona freaky malibu 123qweasdzxc assassin 246810 atlantis
integra iloveu lonewolf dragons monkey1 unicorn software bobcat stealth peewee openup 753951
srinivas zaqwsx valentina shotgun trigger veronika bruins coyote babydoll joker dollar
lestat rocky1 random butterfly wordpass smiley sweety snake chipper woody samurai devildog
gizmo maddie soso123aljg freedom1 flipper express hjvfirf moose cessna piglet polaris
teacher montreal cookies wolfgang scully fatboy wicked tickle bunny dfvgbh foobar transam
pepsi oicu812 basketba toshiba hotstuff sunday gambit 31415926 impala stephani jessica1
lancer knicks shamrock stinger 314159 deftones siemens blaster trucker subaru renegade
ibanez manson reaper blondie mylove galaxy blahblah enterpri travel 1234abcd babylon5
indiana skeeter master1 sugar smoke bigone sweetpea trfnthbyf marino smitty bigfoot larisa
trumpet spartan valera babylon asdfghj yankees1 stormy mister hamlet aardvark butterfl
marathon paladin cavalier manchester skater indigo hornet buckeyes 01011990 indians karate
hesoyam toronto diamonds chiefs buckeye 1qaz2wsx3edc highland charger redman passwor maiden
drpepper storm garden 12345678910 pencil sherlock timber insane pizza jungle aragorn 1a2b3c
hamster david1 triumph techno lollol pioneer catdog 321654 fktrctq morpheus 141627 pascal
shadow1 hobbit consumer blabla justme stones chrissy spartak goforit burger pitbull adgjmptw
italia barcelona hunting colors overlord pebbles sundance emerald doggy racecar irina
element 1478963 zipper alpine basket goddess poison sakura chichi huskers 13579 q12345
ultimate ncc1701e blackie nicola rommel matthew1 caserta omega geronimo sammy1 trojan
123qwe123 philips nugget tarzan chicks aleksandr trixie portugal anakin dodger bomber
superfly madness q1w2e3r4t5y6 loser 123asd fatcat ybrbnf soldier warlock wrinkle1 desire
babe seminole alejandr welcome123 iloveyou1 admin123 changeme1 charity volunteer volunteers
coordinator facilitator mentalhealth wellbeing involve involvement involvedesktop autumn
peersupport
"""

COMMON_PASSWORDS: frozenset[str] = frozenset(_WORDS.split())
