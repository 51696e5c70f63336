"""Every French sentence the user can read lives in this package, one module per domain."""
