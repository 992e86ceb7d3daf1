"""Services: every read and write of the program, validated, one transaction per write."""
