"""The speed benchmark (`make bench`) and its synthetic corpus."""
