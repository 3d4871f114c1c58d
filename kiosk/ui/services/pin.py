"""The admin PIN's hash: salted PBKDF2-SHA256, made by `kiosk --hash-pin` and checked by the PIN pad. No Qt.

Hash format: ``pbkdf2_sha256$<iterations>$<salt b64>$<key b64>`` (urlsafe base64, padded), like Django's.
The config checks a hash with parse_pin_hash (kiosk.ui.config), the PIN pad with verify_pin
(kiosk.ui.services.admin).
"""

from __future__ import annotations

import base64
import os

# PBKDF2-SHA256 of "1945" with a fixed salt: the documented first-install PIN.
DEFAULT_PIN_HASH = "pbkdf2_sha256$200000$a2lvc2stZGVmYXVsdC0xOTQ1$YPQ75nXbAxrM5VdIOgT5hiXIOyuyKRM74q9ZJywN8L8="
ALGORITHM = "pbkdf2_sha256"
ITERATIONS = 200_000
MAX_PIN_LENGTH = 12


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii")


def hash_pin(pin: str, *, salt: bytes | None = None, iterations: int = ITERATIONS) -> str:
    if not pin or not pin.isdigit() or len(pin) > MAX_PIN_LENGTH:
        raise ValueError(f"a PIN is 1–{MAX_PIN_LENGTH} digits")
    import hashlib  # here, not at the top: it maps OpenSSL's libcrypto (~3.5 MiB resident) for staff alone

    salt = os.urandom(16) if salt is None else salt
    key = hashlib.pbkdf2_hmac("sha256", pin.encode("ascii"), salt, iterations)
    return f"{ALGORITHM}${iterations}${_b64(salt)}${_b64(key)}"


def parse_pin_hash(text: str) -> tuple[int, bytes, bytes] | None:
    """(iterations, salt, key) or None when `text` is not a hash this module wrote."""
    try:
        algorithm, iterations, salt, key = text.split("$")
        if algorithm != ALGORITHM:
            return None
        n = int(iterations)
        if not 1_000 <= n <= 10_000_000:
            return None
        salt_b, key_b = base64.urlsafe_b64decode(salt), base64.urlsafe_b64decode(key)
        if len(salt_b) < 8 or len(key_b) != 32:
            return None
        return n, salt_b, key_b
    except (ValueError, TypeError):
        return None


def verify_pin(pin: str, encoded: str) -> bool:
    parsed = parse_pin_hash(encoded)
    if parsed is None or not pin or len(pin) > MAX_PIN_LENGTH:
        return False
    import hashlib  # (see hash_pin)
    import hmac

    iterations, salt, key = parsed
    candidate = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, iterations)
    return hmac.compare_digest(candidate, key)
