"""Key slots: the database key, wrapped once per account and once for the recovery key.

The slots live in a small JSON file beside the database (``involve.sqlite3.keys``), because
the database itself cannot be read until one of them is opened. Each slot holds the random
database key encrypted with AES-256-GCM under a key derived from a secret by argon2id (a
fresh salt per slot): an account's password, or the recovery key. So any account can open
the database, changing a password rewraps only that account's slot, and the file holds no
key and nothing about the members — only usernames, which also appear on the sign-in screen.

The slot's kind and username are the AES-GCM associated data, so a slot copied under another
name does not open. The file is replaced atomically (synced temporary file, then rename).
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from involve_desktop.core.db.backup import copy_file_safely, fsync_dir
from involve_desktop.core.db.cipher import KEY_BYTES
from involve_desktop.core.errors import InvolveError

FORMAT = 1
SUFFIX = ".keys"
RECOVERY = "recovery"
ACCOUNT = "account"


@dataclass(frozen=True)
class KdfParams:
    """argon2id settings stored with each slot, so later versions can raise them."""

    time_cost: int = 3
    memory_cost: int = 65_536  # KiB: 64 MiB, a fraction of a second on a laptop
    parallelism: int = 2


# Tests may lower the cost (``set_default_kdf``); every slot records the settings it used.
_default_kdf = KdfParams()


def set_default_kdf(params: KdfParams) -> None:
    """Use ``params`` for slots written from now on (tests use a cheap setting)."""
    global _default_kdf
    _default_kdf = params


class SlotNotOpened(Exception):
    """No slot for that name, or the secret is not the one it was wrapped with."""


@dataclass(frozen=True)
class Slot:
    """One wrapped copy of the database key."""

    kind: str  # ACCOUNT or RECOVERY
    name: str  # the username (lower case) for an account slot; "" for the recovery slot
    salt: str
    nonce: str
    wrapped: str
    kdf: KdfParams = field(default_factory=KdfParams)

    def associated_data(self) -> bytes:
        """What the wrapped key is bound to: the slot's kind and name."""
        return f"involve-key-slot:{self.kind}:{self.name}".encode()


def keys_file(database: Path) -> Path:
    """The key slots file beside ``database``: ``involve.sqlite3.keys``."""
    return database.with_name(database.name + SUFFIX)


def has_slots(database: Path) -> bool:
    """True when ``database`` has a key slots file (so it is, or is being, encrypted)."""
    return keys_file(database).exists()


def new_database_key() -> bytes:
    """A fresh random 256-bit database key."""
    return secrets.token_bytes(KEY_BYTES)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


def _derive(secret: str, salt: bytes, kdf: KdfParams) -> bytes:
    return hash_secret_raw(
        secret.encode("utf-8"),
        salt,
        time_cost=kdf.time_cost,
        memory_cost=kdf.memory_cost,
        parallelism=kdf.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def wrap(key: bytes, secret: str, kind: str, name: str = "") -> Slot:
    """A new slot holding ``key`` wrapped under ``secret``."""
    salt, nonce, kdf = secrets.token_bytes(16), secrets.token_bytes(12), _default_kdf
    draft = Slot(kind, name, _b64(salt), _b64(nonce), "", kdf)
    wrapped = AESGCM(_derive(secret, salt, kdf)).encrypt(nonce, key, draft.associated_data())
    return Slot(kind, name, draft.salt, draft.nonce, _b64(wrapped), kdf)


def unwrap(slot: Slot, secret: str) -> bytes:
    """The database key in ``slot`` (SlotNotOpened when ``secret`` is not the right one)."""
    derived = _derive(secret, _unb64(slot.salt), slot.kdf)
    try:
        return AESGCM(derived).decrypt(
            _unb64(slot.nonce), _unb64(slot.wrapped), slot.associated_data()
        )
    except InvalidTag as error:
        raise SlotNotOpened("wrong secret") from error


class KeysFileDamaged(InvolveError):
    """The keys file is there but cannot be read (cut short, edited, overwritten)."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"The key file {path} is damaged, so the encrypted database beside it cannot be "
            "opened. Nothing has been changed."
        )
        self.path = path


def read_slots(database: Path) -> list[Slot]:
    """The slots beside ``database`` ([] when there is no keys file); KeysFileDamaged when
    the file cannot be read as slots."""
    return slots_in_file(keys_file(database))


def slots_in_file(path: Path) -> list[Slot]:
    """The slots in the keys file ``path`` ([] when it does not exist)."""
    if not path.exists():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        slots = []
        for raw in data.get("slots", []):
            kdf = KdfParams(**raw.pop("kdf", {}))
            slots.append(Slot(kdf=kdf, **raw))
    except (ValueError, TypeError, AttributeError) as error:  # JSON, UTF-8, fields, shape
        raise KeysFileDamaged(path) from error
    return slots


def spare_file(database: Path, backups_dir: Path) -> Path:
    """Where the spare copy of ``database``'s keys file is kept, with its backups."""
    return backups_dir / keys_file(database).name


def keep_spare(database: Path, backups_dir: Path) -> Path | None:
    """Copy the keys file into ``backups_dir`` (every backup of an encrypted file does), so
    one damaged or deleted keys file does not lose the database and every backup with it.
    Only a keys file that reads as slots is copied: a damaged one never replaces the spare."""
    try:
        if not read_slots(database):
            return None
    except KeysFileDamaged:
        return None
    spare = spare_file(database, backups_dir)
    copy_file_safely(keys_file(database), spare)
    return spare


def write_slots(database: Path, slots: list[Slot]) -> None:
    """Replace the keys file beside ``database`` with ``slots`` (atomically, synced)."""
    path = keys_file(database)
    payload: dict[str, Any] = {
        "format": FORMAT,
        "about": "Involve Desktop key slots: the database key, wrapped per account. "
        "Keep this file with the database; without it the database cannot be opened.",
        "slots": [asdict(slot) for slot in slots],
    }
    partial = path.with_name(path.name + ".partial")
    with open(partial, "w", encoding="utf-8") as handle:
        json.dump(payload, handle, indent=1)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, path)
    fsync_dir(path.parent)


def _normal(username: str) -> str:
    return (username or "").strip().lower()


def open_with_password(database: Path, username: str, password: str) -> bytes:
    """The database key from ``username``'s slot (SlotNotOpened: no slot or wrong password)."""
    name = _normal(username)
    for slot in read_slots(database):
        if slot.kind == ACCOUNT and slot.name == name:
            return unwrap(slot, password)
    raise SlotNotOpened("no slot for that username")


def open_with_recovery_key(database: Path, recovery_key: str) -> bytes:
    """The database key from the recovery slot (SlotNotOpened when the key is not right)."""
    for slot in read_slots(database):
        if slot.kind == RECOVERY:
            return unwrap(slot, recovery_key)
    raise SlotNotOpened("no recovery slot")


def set_account_slot(database: Path, username: str, password: str, key: bytes) -> None:
    """Wrap ``key`` for ``username`` under ``password``, replacing their old slot only."""
    name = _normal(username)
    others = [s for s in read_slots(database) if not (s.kind == ACCOUNT and s.name == name)]
    write_slots(database, [*others, wrap(key, password, ACCOUNT, name)])


def remove_account_slot(database: Path, username: str) -> None:
    """Remove ``username``'s slot (a turned-off account can no longer open the file)."""
    name = _normal(username)
    slots = read_slots(database)
    kept = [s for s in slots if not (s.kind == ACCOUNT and s.name == name)]
    if len(kept) != len(slots):
        write_slots(database, kept)


def set_recovery_slot(database: Path, recovery_key: str, key: bytes) -> None:
    """Wrap ``key`` under a (new) recovery key; the old recovery key stops working."""
    others = [s for s in read_slots(database) if s.kind != RECOVERY]
    write_slots(database, [*others, wrap(key, recovery_key, RECOVERY)])


def account_names(database: Path) -> set[str]:
    """The usernames that have a slot."""
    return {s.name for s in read_slots(database) if s.kind == ACCOUNT}
