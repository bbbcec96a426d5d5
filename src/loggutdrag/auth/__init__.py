"""Sign-in: password hashing (argon2) and, later, sessions and roles."""
