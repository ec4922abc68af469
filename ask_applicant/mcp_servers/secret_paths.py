"""Which paths inside a project are never shared: VCS internals, dependency trees, secrets.

The rules are applied to a path relative to the project root, one component at a time,
to the name the caller used and again to the file that name leads to once every symlink
is followed: `env_link.txt -> .env` and `gitdir/config` (with `gitdir -> .git`) are
refused as `.env` and `.git/config` are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# Folders never listed, searched or read. A recruiter has no use for them; a leak from
# one (a token in .git/config, a cloud key under .aws) would be costly.
HIDDEN_DIRS = frozenset(
    {
        ".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv",
        ".aws", ".azure", ".ssh", ".gnupg", ".kube", ".docker", ".gcloud", ".terraform",
    }
)  # fmt: skip

# File names that commonly hold credentials or private keys.
SECRET_NAME = re.compile(
    r"""^(?:
        \.env(?:\..*)?                              # .env, .env.local, .env.production
        | .*\.(?:pem|key|p12|pfx|jks|keystore|ppk|kdbx|gpg|asc|tfstate(?:\.backup)?)
        | id_[a-z0-9]+(?:\.pub)?                    # id_rsa, id_ed25519, id_ecdsa_sk
        | \.npmrc | \.pypirc | \.netrc | _netrc | \.pgpass | \.htpasswd | \.dockercfg
        | \.git-credentials | \.gitconfig | \.boto | \.s3cfg
        | credentials(?:\..*)?                      # .aws/credentials, credentials.json
        | (?:.*[._-])?secrets?(?:[._-].*)?          # secrets.yaml, app-secret.json
        | service[-_]account.*\.json
    )$""",
    re.IGNORECASE | re.VERBOSE,
)


def is_hidden(parts: Sequence[str]) -> bool:
    """True when a path, given as its components relative to the root, is never shared.

    Args:
        parts: The components, e.g. ``["config", "secrets.yaml"]``.
    """
    if not parts:
        return False
    return any(part in HIDDEN_DIRS for part in parts) or any(
        SECRET_NAME.match(part) for part in parts
    )
