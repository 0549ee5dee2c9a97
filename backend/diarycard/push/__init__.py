"""Web Push (RFC 8030) from the server's side: VAPID (RFC 8292), payload encryption
(RFC 8291) and a guarded HTTP client for the push services."""
