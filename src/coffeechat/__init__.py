"""Coffee Chat: networking and informational interviews, as a course kit."""
