"""A small real-time chat gateway (sample code for the Chat Service project)."""
