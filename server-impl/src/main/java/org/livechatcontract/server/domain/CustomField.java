package org.livechatcontract.server.domain;

/**
 * A Livechat custom field definition ({@code ILivechatCustomField}). Values of a {@code visitor}
 * field live on the visitor ({@code livechatData}), those of a {@code room} field on the visitor's
 * open rooms.
 *
 * @param regexp  a value must match it (Java regular expression syntax), or null for any value
 * @param visible whether the widget shows it ({@code visibility: visible}); with {@code isPublic} it is
 *                listed in {@code GET livechat/config}
 */
public record CustomField(
    String id,
    String label,
    String scope,
    boolean visible,
    boolean isPublic,
    String regexp,
    boolean required,
    String type,
    String defaultValue,
    String options) {

  public static final String SCOPE_VISITOR = "visitor";
  public static final String SCOPE_ROOM = "room";
}
