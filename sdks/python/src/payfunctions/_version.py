"""The package version, also sent in the User-Agent."""

VERSION = "0.1.0"
