package es.civica.certification;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Recently verified certificates, for the public verify page only (a QR scanned again, a page reloaded): a record
 * changes only by a revocation or a renewal made through this server, which drops it here, so an answer from the
 * cache is the database's answer. That holds only while this server is the database's one writer, so the registry
 * uses it with the embedded database alone. Unknown ids are never kept (a certificate issued a second later must be
 * found); statuses are not kept either, only records: expiry is computed at each reading.
 */
final class PublicRecordCache {
  private final Map<String, CertificateRecord> records;
  /** Bumped by every change: a reading that started before a change does not store what it read. */
  private long changes;

  PublicRecordCache(int maxRecords) {
    this.records = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, CertificateRecord> eldest) {
        return size() > maxRecords;
      }
    };
  }

  synchronized Optional<CertificateRecord> get(String id) {
    return Optional.ofNullable(records.get(id));
  }

  /** A ticket to present to {@link #put}: the number of changes so far. */
  synchronized long ticket() {
    return changes;
  }

  /** Keeps a record read from the database, unless something changed since the reading began. */
  synchronized void put(long ticket, CertificateRecord record) {
    if (ticket == changes) {
      records.put(record.id(), record);
    }
  }

  /**
   * Forgets a certificate that changes (revoked, renewed): called when the change starts and again once it is
   * committed, so that neither a reading that began before it nor one that read the old row during it is kept.
   */
  synchronized void changed(String id) {
    changes++;
    records.remove(id);
  }
}
