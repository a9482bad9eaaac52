"""Accounts on the shared laptop: first-run set-up, signing in, and managing accounts.

On an encrypted database file every new password also rewraps that account's key slot
(``encryption.password_set``), and turning an account off removes its slot.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from involve_desktop.core import validation
from involve_desktop.core.db.engine import DatabaseReadOnly
from involve_desktop.core.errors import (
    AuthenticationError,
    NotFound,
    PermissionDenied,
    SetupError,
    ValidationError,
)
from involve_desktop.core.models.accounts import Account, Organisation
from involve_desktop.core.models.base import utcnow
from involve_desktop.core.passwords import (
    MIN_PASSWORD_LENGTH,
    guessable_reason,
    hash_password,
    needs_rehash,
    verify_password,
)
from involve_desktop.core.permissions import Permission, Role
from involve_desktop.core.services import audit, encryption, organisation, sign_in_throttle
from involve_desktop.core.services.dto import AccountInfo, Actor
from involve_desktop.core.services.transaction import require, transaction

log = logging.getLogger(__name__)

DISPLAY_NAME_MAX = 200

PASSWORDS_DIFFER = "The two passwords you typed are different — type the password again."


def _actor(account: Account) -> Actor:
    return Actor(account.id, account.username, account.display_name, Role(account.role))


def _info(account: Account) -> AccountInfo:
    return AccountInfo(
        account.id,
        account.username,
        account.display_name,
        Role(account.role),
        account.active,
        account.created_at,
        account.last_sign_in_at,
    )


def is_set_up(session: Session) -> bool:
    """True once the group and its first account exist (the wizard is not needed)."""
    has_group = session.scalar(select(func.count()).select_from(Organisation)) > 0
    has_account = session.scalar(select(func.count()).select_from(Account)) > 0
    return has_group and has_account


def _check_unique(session: Session, username: str) -> None:
    if session.scalar(select(Account.id).where(Account.username == username)) is not None:
        raise ValidationError(
            "username", f"The username {username} is taken — choose another, e.g. {username}2."
        )


def _new_password(
    session: Session,
    password: str | None,
    username: str,
    display_name: str | None = None,
    group: str | None = None,
    again: str | None = None,
) -> str:
    """A new password that is long enough and not easily guessed: not one of the most
    common passwords, nor made from the username, the person's name or the group's name.

    Every way a password is set comes here (first run, add account, reset, change, the
    recovery key); ``group`` is given at first run, before the group is saved. ``again``
    is the password typed a second time: checked after the rules, so someone whose short
    password also has a typo in the second box hears first that it is too short (the
    typo goes away when they type a new one) — a ValidationError on field ``confirm``.
    """
    secret = validation.new_password(password, username, MIN_PASSWORD_LENGTH)
    names = (
        ("the username", username),
        ("the person's name", display_name),
        ("the group's name", group if group is not None else organisation.group_name(session)),
    )
    reason = guessable_reason(secret, names)
    if reason is not None:
        raise ValidationError("password", reason)
    if again is not None and again != secret:
        raise ValidationError("confirm", PASSWORDS_DIFFER)
    return secret


def set_up_group(
    session: Session,
    group_name: str,
    display_name: str,
    username: str,
    password: str,
    *,
    again: str | None = None,
) -> Actor:
    """First run: create the group and its first coordinator account, and return it.

    ``again`` (the password typed twice) must match when given.
    """
    name = validation.required_text(
        "group_name", "Group name", group_name, organisation.GROUP_NAME_MAX
    )
    shown = validation.required_text("display_name", "Your name", display_name, DISPLAY_NAME_MAX)
    user = validation.username(username)
    secret = _new_password(session, password, user, shown, name, again)
    with transaction(session):
        if session.get_bind().dialect.name == "postgresql":
            # Two laptops running the wizard at once: the second waits, then sees the first.
            session.execute(text("SELECT pg_advisory_xact_lock(7316202612)"))
        if is_set_up(session):
            raise SetupError("This database is already set up; sign in instead.")
        org = Organisation(name=name)
        account = Account(
            username=user,
            display_name=shown,
            password_hash=hash_password(secret),
            role=Role.COORDINATOR.value,
            active=True,
        )
        session.add_all([org, account])
        session.flush()
        encryption.password_set(session, user, secret)
        actor = _actor(account)
        audit.record(session, actor, "create", "organisation", org.id, {"name": name})
        audit.record(
            session,
            actor,
            "create",
            "account",
            account.id,
            audit.created_fields({"username": user, "display_name": shown, "role": "coordinator"}),
        )
    return actor


@contextmanager
def _unless_read_only() -> Iterator[None]:
    """Sign-in bookkeeping (last sign-in, the trail) is skipped on a copy opened read-only.

    A second copy of the app opens the database read-only while another has it; people can
    still sign in there and read, but nothing can be recorded.
    """
    try:
        yield
    except DatabaseReadOnly:
        log.info("Read-only copy: sign-in bookkeeping not recorded")


WRONG_UNLOCK_PASSWORD = "That password is not right. Type your own password again."
WRONG_CURRENT_PASSWORD = "Current password is not right — try again."
# What the trail keeps when the username typed is no account's: never the text itself,
# which may be a password typed into the wrong box.
UNKNOWN_USERNAME = "(not an account here — what was typed is not kept)"


def _record_wrong_password(
    session: Session, account: Account | None, at: datetime, where: str
) -> None:
    """Record a wrong password on the trail (it counts towards the slow-down).

    A copy opened read-only cannot write it, so there it is counted in this process
    (``sign_in_throttle.remember_failure``) and the slow-down still applies.
    """
    username = account.username if account is not None else UNKNOWN_USERNAME
    try:
        with transaction(session):
            audit.record(
                session,
                None,
                sign_in_throttle.FAILED_ACTION,
                "account",
                account.id if account is not None else None,
                {"username": username},
                at=at,
                account_name=where,
            )
    except DatabaseReadOnly:
        log.info("Read-only copy: the wrong password is counted in this process only")
        if account is not None:
            sign_in_throttle.remember_failure(session, account.id, at)


def _wrong_password(
    session: Session,
    account: Account | None,
    at: datetime,
    where: str,
    message: str | None = None,
) -> None:
    """Record a wrong password (``_record_wrong_password``) and refuse."""
    _record_wrong_password(session, account, at, where)
    raise AuthenticationError() if message is None else AuthenticationError(message)


def _right_password(session: Session, account: Account, action: str, at: datetime) -> None:
    """Record a sign-in or unlock (where the database can be written) and end any slow-down."""
    sign_in_throttle.forget_failures(session, account.id)
    with _unless_read_only(), transaction(session):
        if action == "sign-in":
            account.last_sign_in_at = at
        audit.record(session, _actor(account), action, "account", account.id, at=at)


def sign_in(session: Session, username: str, password: str, now: datetime | None = None) -> Actor:
    """Check a username and password; the error never says which of the two was wrong.

    After five wrong passwords in a row for an account, the next try is refused without
    checking until a growing delay has passed (``sign_in_throttle.TooManyTries``).
    ``now`` is for tests; it defaults to the current time.
    """
    at = now or utcnow()
    user = (username or "").strip().lower()
    account = session.scalars(select(Account).where(Account.username == user)).one_or_none()
    if account is not None:
        sign_in_throttle.check(session, account.id, at)
    stored = account.password_hash if account is not None and account.active else None
    if not verify_password(stored, password or ""):
        _wrong_password(session, account, at, "(sign-in screen)")
    assert account is not None
    if needs_rehash(account.password_hash):
        with _unless_read_only(), transaction(session):
            account.password_hash = hash_password(password)
    _right_password(session, account, "sign-in", at)
    return _actor(account)


def unlock(session: Session, actor: Actor, password: str, now: datetime | None = None) -> Actor:
    """Unlock the window after it locked when idle: the same account's password again.

    Wrong passwords count and slow down exactly as at sign-in. Returns the account read
    afresh (its role may have changed); an account turned off meanwhile cannot unlock.
    """
    at = now or utcnow()
    account = session.get(Account, actor.account_id)
    if account is None:
        raise AuthenticationError()
    sign_in_throttle.check(session, account.id, at)
    stored = account.password_hash if account.active else None
    if not verify_password(stored, password or ""):
        _wrong_password(session, account, at, "(lock screen)", WRONG_UNLOCK_PASSWORD)
    _right_password(session, account, "unlock", at)
    return _actor(account)


LOCK_ASKED = "lock-now"  # the trail's action when someone chose Lock now (Ctrl+L)


def lock(
    session: Session, actor: Actor, now: datetime | None = None, *, asked: bool = False
) -> None:
    """Record that the window locked: after no input, or ``asked`` with Lock now (the trail
    shows when the laptop was left, and whether on purpose)."""
    action = LOCK_ASKED if asked else "lock"
    with _unless_read_only(), transaction(session):
        audit.record(session, actor, action, "account", actor.account_id, at=now or utcnow())


def sign_out(session: Session, actor: Actor) -> None:
    """Record that the account signed out (the shared laptop's trail shows who was on it)."""
    with _unless_read_only(), transaction(session):
        audit.record(session, actor, "sign-out", "account", actor.account_id)


def list_accounts(session: Session, actor: Actor) -> list[AccountInfo]:
    """Every account, active first, by name (coordinators only)."""
    require(session, actor, Permission.MANAGE_ACCOUNTS, "see the list of accounts")
    query = select(Account).order_by(Account.active.desc(), func.lower(Account.display_name))
    return [_info(a) for a in session.scalars(query)]


def create_account(
    session: Session,
    actor: Actor,
    display_name: str,
    username: str,
    password: str,
    role: Role,
    *,
    again: str | None = None,
) -> AccountInfo:
    """Add an account with a role (coordinators only); ``again`` must match when given."""
    require(session, actor, Permission.MANAGE_ACCOUNTS, "add accounts")
    shown = validation.required_text("display_name", "Name", display_name, DISPLAY_NAME_MAX)
    user = validation.username(username)
    secret = _new_password(session, password, user, shown, again=again)
    try:
        role = Role(role)
    except ValueError:
        raise ValidationError("role", "Role must be coordinator or facilitator.") from None
    with transaction(session):
        _check_unique(session, user)
        account = Account(
            username=user,
            display_name=shown,
            password_hash=hash_password(secret),
            role=role.value,
            active=True,
        )
        session.add(account)
        session.flush()
        encryption.password_set(session, user, secret)
        audit.record(
            session,
            actor,
            "create",
            "account",
            account.id,
            audit.created_fields({"username": user, "display_name": shown, "role": role.value}),
        )
    return _info(account)


def _get(session: Session, account_id: int) -> Account:
    account = session.get(Account, account_id)
    if account is None:
        raise NotFound("That account no longer exists. Refresh the list and try again.")
    return account


def set_active(session: Session, actor: Actor, account_id: int, active: bool) -> AccountInfo:
    """Turn an account off (it can no longer sign in; its history stays) or back on."""
    require(session, actor, Permission.MANAGE_ACCOUNTS, "turn accounts on or off")
    with transaction(session):
        account = _get(session, account_id)
        # The actor is an active coordinator (require checked) who cannot turn themselves
        # off, so at least one coordinator account always stays on.
        if not active and account.id == actor.account_id:
            raise ValidationError("active", "You cannot turn off your own account while signed in.")
        changes = audit.changes_between({"active": account.active}, {"active": active})
        account.active = active
        if not active:
            encryption.account_turned_off(session, account.username)
        if changes:
            audit.record(session, actor, "update", "account", account.id, changes)
    return _info(account)


def change_own_password(
    session: Session,
    actor: Actor,
    current: str,
    new: str,
    *,
    again: str | None = None,
    now: datetime | None = None,
) -> None:
    """Change the signed-in account's password after checking the current one.

    Only an account that is turned on may (on an encrypted file this rewrites its key
    slot). A wrong current password is recorded and slows down exactly as at sign-in
    (both as a ValidationError on ``current_password``). ``again`` (the new password typed
    twice) must match when given. ``now`` is for tests; it defaults to the current time.
    """
    at = now or utcnow()
    account = _get(session, actor.account_id)
    if not account.active:
        with _unless_read_only(), transaction(session):
            refused = {"attempted": "change its own password"}
            audit.record(session, actor, "denied", "account", account.id, refused)
        raise PermissionDenied(
            "Your account has been turned off, so it cannot do this. Ask a coordinator."
        )
    try:
        sign_in_throttle.check(session, account.id, at)
    except sign_in_throttle.TooManyTries as wait:
        raise ValidationError("current_password", wait.message) from None
    if not verify_password(account.password_hash, current or ""):
        _record_wrong_password(session, account, at, "(change password)")
        raise ValidationError("current_password", WRONG_CURRENT_PASSWORD)
    secret = _new_password(session, new, account.username, account.display_name, again=again)
    with transaction(session):
        account.password_hash = hash_password(secret)
        encryption.password_set(session, account.username, secret)
        # Its own action: the right current password also ends any slow-down (sign_in_throttle).
        audit.record(
            session, actor, "password-change", "account", account.id, {"password": audit.REDACTED}
        )


def reset_password(
    session: Session, actor: Actor, account_id: int, new: str, *, again: str | None = None
) -> None:
    """Set another account's password (coordinators only), e.g. when someone forgot theirs.

    ``again`` (the new password typed twice) must match when given.
    """
    require(session, actor, Permission.MANAGE_ACCOUNTS, "reset other people's passwords")
    with transaction(session):
        account = _get(session, account_id)
        secret = _new_password(session, new, account.username, account.display_name, again=again)
        account.password_hash = hash_password(secret)
        if account.active:
            encryption.password_set(session, account.username, secret)
        # Its own action: it also ends any slow-down after wrong passwords (sign_in_throttle).
        audit.record(
            session, actor, "password-reset", "account", account.id, {"password": audit.REDACTED}
        )


def sign_in_after_unlock(session: Session, username: str, password: str) -> Actor:
    """Sign in with the username and password that just opened the encrypted file's slot.

    A slot is written just before its password change commits; if that commit never
    happened (a crash at that instant), the slot holds the newer password. Opening it
    proves the person knows the password a coordinator or they themselves set, so the
    stored password is brought in line (and audited) instead of refusing them.
    """
    try:
        return sign_in(session, username, password)
    except AuthenticationError:
        user = (username or "").strip().lower()
        account = session.scalars(select(Account).where(Account.username == user)).one_or_none()
        if account is None or not account.active:
            raise
    with transaction(session):
        account.password_hash = hash_password(password)
        audit.record(
            session,
            _actor(account),
            "password-from-key-slot",
            "account",
            account.id,
            {"password": audit.REDACTED},
        )
    return sign_in(session, username, password)


def recover_with_key(
    session: Session, username: str, new_password: str, *, again: str | None = None
) -> Actor:
    """After the recovery key opened the file: give ``username`` a new password and sign in.

    Only for an active coordinator account (the person holding the recovery key is the
    group's coordinator; they reset anyone else's password from Settings afterwards).
    ``again`` (the new password typed twice) must match when given.
    """
    user = (username or "").strip().lower()
    account = session.scalars(select(Account).where(Account.username == user)).one_or_none()
    if account is None or not account.active or account.role != Role.COORDINATOR.value:
        raise ValidationError(
            "username",
            "Type the username of a coordinator account that is turned on; the recovery key "
            "sets a new password for a coordinator.",
        )
    secret = _new_password(
        session, new_password, account.username, account.display_name, again=again
    )
    with transaction(session):
        account.password_hash = hash_password(secret)
        encryption.password_set(session, account.username, secret)
        audit.record(
            session,
            _actor(account),
            "password-reset-with-recovery-key",
            "account",
            account.id,
            {"password": audit.REDACTED},
        )
    return sign_in(session, account.username, secret)
