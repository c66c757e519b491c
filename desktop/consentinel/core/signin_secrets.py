"""What a sign-in may type for an account: its saved password and codes from its saved 2FA
secret, and the answers to X's "unusual activity" question, less what X refused.

One place for a check's sign-in and the person's own (`consentinel login`, "Sign in
yourself…"): a password X said is wrong is not typed again (a new one saved since is:
core/password_refusals), a 2FA secret whose code X called incorrect makes no code
(core/totp_refusals), and an answer X refused is not typed again (core/identity_answers)."""

from __future__ import annotations

from consentinel.core.accounts import Account
from consentinel.core.context import AppContext
from consentinel.core.identity_answers import answers_to_type
from consentinel.core.password_refusals import rejects_saved_password
from consentinel.core.totp import makes_codes
from consentinel.core.totp_refusals import totp_codes
from consentinel.x.signin import SignInSecrets


def secrets_to_type(ctx: AppContext, account: Account) -> tuple[SignInSecrets, str | None]:
    """What may be typed for `account`, and the 2FA secret its codes come from (None: none
    saved, or X refused its code). Reads the keyring: VaultError when it cannot.

    Read within AccountStore.read_whole(): the window's edit of an account, which a check may
    meet in its queue, writes the account and lifts X's refusals within editing(), so the
    refusals read here are never lifted for secrets not yet read. Its keyring writes come
    first, outside the hold (a keyring's prompt would keep every writer waiting): this may
    read the new password with the old 2FA secret, or new secrets with the refusals of the
    old ones, which hold none of the new ones back (the edit names a rejection of "the saved
    password" as the old one's before writing the new: core/account_secrets_saving's
    write_secrets). The account is read again there too: its email and phone as saved with
    those secrets."""
    handle = account.handle
    # Found first, outside the hold: finding the keyring reads the list (Vault's Adoption)
    # within the keyring's own lock, which an edit takes within the hold.
    _ = ctx.vault.backend
    with ctx.accounts.read_whole():
        password = ctx.vault.get_password(handle)
        saved_totp = ctx.vault.get_totp(handle)
        if rejects_saved_password(ctx, handle, ctx.accounts.state(handle), password):
            password = None  # X said it is wrong: sent again only once a new one is saved
        account = ctx.accounts.get(handle) or account
        # A secret no code can be made from is none (the person's own sign-in asks for the
        # code), said as such rather than failing at X's 2FA step, after the password.
        totp_not_valid = saved_totp is not None and not makes_codes(saved_totp)
        usable_totp = None if totp_not_valid else saved_totp
        totp_secret, totp_code = totp_codes(ctx, handle, usable_totp)
        email, phone = answers_to_type(ctx, account)
    secrets = SignInSecrets(
        handle=handle,
        password=password,
        totp_code=totp_code,
        email=email,
        phone=phone,
        totp_refused=bool(usable_totp) and totp_secret is None,
        totp_not_valid=totp_not_valid,
    )
    return secrets, totp_secret
