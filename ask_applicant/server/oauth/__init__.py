"""OAuth 2.1 for the MCP mounts, so remote clients (Claude's custom connectors) can sign in.

The service is its own authorization server: metadata (RFC 8414), dynamic client
registration (RFC 7591), authorization code with PKCE (S256), refresh and revocation,
built on the MCP SDK's handlers (`mcp.server.auth`). Each mount publishes protected
resource metadata (RFC 9728) and names it in every 401. Tokens are bound to one mount.
"""
