package es.civica.xapi.document;

import static es.civica.db.generated.Tables.ACTIVITY_PROFILE_DOCUMENT;
import static es.civica.db.generated.Tables.AGENT_PROFILE_DOCUMENT;
import static es.civica.db.generated.Tables.STATE_DOCUMENT;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;

import java.time.OffsetDateTime;


/**
 * The three document resources differ only in their key: where each stores its documents and how a
 * {@link DocumentScope} (all the key but the document id) and a document id select rows.
 */
public enum DocumentKind {
  STATE(STATE_DOCUMENT, STATE_DOCUMENT.STATE_ID, STATE_DOCUMENT.CONTENT_TYPE, STATE_DOCUMENT.CONTENTS,
      STATE_DOCUMENT.ETAG, STATE_DOCUMENT.UPDATED) {
    @Override
    Condition scope(DocumentScope s) {
      Condition c = STATE_DOCUMENT.ACTIVITY_IRI.eq(s.activityIri()).and(STATE_DOCUMENT.AGENT_IFI.eq(s.agentIfi()));
      return s.registration() == null ? c.and(STATE_DOCUMENT.REGISTRATION.isNull())
          : c.and(STATE_DOCUMENT.REGISTRATION.eq(s.registration()));
    }

    @Override
    void insert(DSLContext dsl, DocumentScope s, Document d) {
      dsl.insertInto(STATE_DOCUMENT)
          .set(STATE_DOCUMENT.ACTIVITY_IRI, s.activityIri()).set(STATE_DOCUMENT.AGENT_IFI, s.agentIfi())
          .set(STATE_DOCUMENT.REGISTRATION, s.registration()).set(STATE_DOCUMENT.STATE_ID, d.id())
          .set(STATE_DOCUMENT.CONTENT_TYPE, d.contentType()).set(STATE_DOCUMENT.CONTENTS, d.contents())
          .set(STATE_DOCUMENT.ETAG, d.etag()).set(STATE_DOCUMENT.UPDATED, d.updated())
          .execute();
    }
  },
  ACTIVITY_PROFILE(ACTIVITY_PROFILE_DOCUMENT, ACTIVITY_PROFILE_DOCUMENT.PROFILE_ID,
      ACTIVITY_PROFILE_DOCUMENT.CONTENT_TYPE, ACTIVITY_PROFILE_DOCUMENT.CONTENTS, ACTIVITY_PROFILE_DOCUMENT.ETAG,
      ACTIVITY_PROFILE_DOCUMENT.UPDATED) {
    @Override
    Condition scope(DocumentScope s) {
      return ACTIVITY_PROFILE_DOCUMENT.ACTIVITY_IRI.eq(s.activityIri());
    }

    @Override
    void insert(DSLContext dsl, DocumentScope s, Document d) {
      dsl.insertInto(ACTIVITY_PROFILE_DOCUMENT)
          .set(ACTIVITY_PROFILE_DOCUMENT.ACTIVITY_IRI, s.activityIri())
          .set(ACTIVITY_PROFILE_DOCUMENT.PROFILE_ID, d.id())
          .set(ACTIVITY_PROFILE_DOCUMENT.CONTENT_TYPE, d.contentType())
          .set(ACTIVITY_PROFILE_DOCUMENT.CONTENTS, d.contents())
          .set(ACTIVITY_PROFILE_DOCUMENT.ETAG, d.etag()).set(ACTIVITY_PROFILE_DOCUMENT.UPDATED, d.updated())
          .execute();
    }
  },
  AGENT_PROFILE(AGENT_PROFILE_DOCUMENT, AGENT_PROFILE_DOCUMENT.PROFILE_ID, AGENT_PROFILE_DOCUMENT.CONTENT_TYPE,
      AGENT_PROFILE_DOCUMENT.CONTENTS, AGENT_PROFILE_DOCUMENT.ETAG, AGENT_PROFILE_DOCUMENT.UPDATED) {
    @Override
    Condition scope(DocumentScope s) {
      return AGENT_PROFILE_DOCUMENT.AGENT_IFI.eq(s.agentIfi());
    }

    @Override
    void insert(DSLContext dsl, DocumentScope s, Document d) {
      dsl.insertInto(AGENT_PROFILE_DOCUMENT)
          .set(AGENT_PROFILE_DOCUMENT.AGENT_IFI, s.agentIfi()).set(AGENT_PROFILE_DOCUMENT.PROFILE_ID, d.id())
          .set(AGENT_PROFILE_DOCUMENT.CONTENT_TYPE, d.contentType())
          .set(AGENT_PROFILE_DOCUMENT.CONTENTS, d.contents())
          .set(AGENT_PROFILE_DOCUMENT.ETAG, d.etag()).set(AGENT_PROFILE_DOCUMENT.UPDATED, d.updated())
          .execute();
    }
  };

  final Table<? extends Record> table;
  final TableField<? extends Record, String> id;
  final TableField<? extends Record, String> contentType;
  final TableField<? extends Record, byte[]> contents;
  final TableField<? extends Record, String> etag;
  final TableField<? extends Record, OffsetDateTime> updated;

  DocumentKind(Table<? extends Record> table, TableField<? extends Record, String> id,
               TableField<? extends Record, String> contentType, TableField<? extends Record, byte[]> contents,
               TableField<? extends Record, String> etag, TableField<? extends Record, OffsetDateTime> updated) {
    this.table = table;
    this.id = id;
    this.contentType = contentType;
    this.contents = contents;
    this.etag = etag;
    this.updated = updated;
  }

  abstract Condition scope(DocumentScope scope);

  abstract void insert(DSLContext dsl, DocumentScope scope, Document document);

}
