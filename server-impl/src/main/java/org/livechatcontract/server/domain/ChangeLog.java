package org.livechatcontract.server.domain;

/**
 * Where changes to the settings and permissions are kept beyond memory (a journal), or {@link #NONE}.
 * Each method is called while its change is applied, so changes to one setting or permission are
 * recorded in the order they were applied; the returned handle waits until the record is kept.
 */
public interface ChangeLog {
  /** Keeps nothing; every change is already as kept as it gets. */
  ChangeLog NONE = new ChangeLog() {
    @Override
    public Kept settingChanged(String id, Object value) {
      return Kept.ALREADY;
    }

    @Override
    public Kept permissionChanged(Permissions.Permission permission) {
      return Kept.ALREADY;
    }
  };

  Kept settingChanged(String id, Object value);

  Kept permissionChanged(Permissions.Permission permission);

  /** A recorded change. */
  interface Kept {
    Kept ALREADY = () -> { };

    /** Returns once the change is kept (on disk, for a journal). */
    void await();
  }
}
