package org.livechatcontract.server.resource;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.livechatcontract.api.SettingsApi;
import org.livechatcontract.model.SettingResponse;
import org.livechatcontract.model.SettingUpdateRequest;
import org.livechatcontract.model.SuccessResponse;
import org.livechatcontract.server.domain.Permissions;
import org.livechatcontract.server.domain.Settings;
import org.livechatcontract.server.http.Authenticated;
import org.livechatcontract.server.http.Validated;

/** {@code GET} and {@code POST settings/:_id}, for the livechat settings this server knows. */
@Singleton
public final class SettingsResource implements SettingsApi {
  private final Settings settings;

  @Inject
  public SettingsResource(Settings settings) {
    this.settings = settings;
  }

  @Override
  @Authenticated(permissions = Permissions.VIEW_PRIVILEGED_SETTING)
  public SettingResponse getSetting(String id) {
    Object value = settings.value(id);
    return new SettingResponse().id(id).value(value).success(true);
  }

  @Override
  @Authenticated(permissions = Permissions.EDIT_PRIVILEGED_SETTING)
  @Validated
  public SuccessResponse updateSetting(String id, SettingUpdateRequest body) {
    settings.set(id, body.getValue());
    return Dtos.success();
  }
}
