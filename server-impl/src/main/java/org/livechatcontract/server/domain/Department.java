package org.livechatcontract.server.domain;

/** A livechat department; a visitor may name one by {@code _id} or by name. */
public record Department(String id, String name, boolean enabled) {}
