package es.civica.xapi.document;

import org.jooq.Condition;
import org.jooq.DSLContext;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Documents of the three document resources in PostgreSQL. Blocking: call through the DatabaseWorker. */
final class DocumentStore {

  Optional<Document> find(DSLContext dsl, DocumentKind kind, DocumentScope scope, String id, boolean forUpdate) {
    var select = dsl.select(kind.id, kind.contentType, kind.contents, kind.etag, kind.updated).from(kind.table)
        .where(kind.scope(scope).and(kind.id.eq(id)));
    var query = forUpdate ? select.forUpdate() : select;
    return query.fetchOptional(r -> new Document(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
  }

  List<String> ids(DSLContext dsl, DocumentKind kind, DocumentScope scope, OffsetDateTime since) {
    Condition c = kind.scope(scope);
    if (since != null) {
      c = c.and(kind.updated.gt(since));
    }
    return dsl.select(kind.id).from(kind.table).where(c).orderBy(kind.id).fetch(kind.id);
  }

  /** Replaces the document, or creates it. */
  void save(DSLContext dsl, DocumentKind kind, DocumentScope scope, Document document) {
    delete(dsl, kind, scope, document.id());
    kind.insert(dsl, scope, document);
  }

  void delete(DSLContext dsl, DocumentKind kind, DocumentScope scope, String id) {
    dsl.deleteFrom(kind.table).where(kind.scope(scope).and(kind.id.eq(id))).execute();
  }

  void deleteAll(DSLContext dsl, DocumentKind kind, DocumentScope scope) {
    dsl.deleteFrom(kind.table).where(kind.scope(scope)).execute();
  }

  /** Latest update among the scope's documents, for Last-Modified of an id list. */
  Optional<OffsetDateTime> lastUpdated(DSLContext dsl, DocumentKind kind, DocumentScope scope) {
    return Optional.ofNullable(dsl.select(org.jooq.impl.DSL.max(kind.updated)).from(kind.table)
        .where(kind.scope(scope)).fetchOne(0, OffsetDateTime.class));
  }
}
