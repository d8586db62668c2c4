package org.livechatcontract.server.domain;

import java.time.Instant;

/** A message left through the offline form. Rocket.Chat mails it; this server keeps it for managers. */
public record OfflineMessage(String id, String name, String email, String message, String department, String host,
    Instant ts) {}
