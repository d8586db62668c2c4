package org.livechatcontract.server.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Data files ({@code --data-file}) as tests need them. */
public final class DataFiles {
  private DataFiles() {}

  /**
   * What the disk holds right now, as a crash would leave it: the journal and its snapshot copied (snapshot
   * first) into a new directory under {@code dir} while their owner still runs. Returns the copy's journal.
   */
  public static Path crashImage(Path dir, Path file) throws Exception {
    Path copy = Files.createTempDirectory(dir, "crash").resolve(file.getFileName());
    Path snap = file.resolveSibling(file.getFileName() + ".snapshot");
    if (Files.exists(snap)) {
      Files.copy(snap, copy.resolveSibling(copy.getFileName() + ".snapshot"), StandardCopyOption.REPLACE_EXISTING);
    }
    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
    return copy;
  }
}
