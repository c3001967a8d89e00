package io.scanwatch.ingest.inventory.mongo;

import io.scanwatch.contracts.ImageAction;
import io.scanwatch.contracts.ImageEvent;
import io.scanwatch.contracts.ImagePlatform;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.RegistryScan;
import io.scanwatch.contracts.RepositoryGlob;
import io.scanwatch.contracts.SeverityCounts;
import io.scanwatch.ingest.inventory.ImageInventory;
import io.scanwatch.ingest.inventory.InventoryImage;
import io.scanwatch.ingest.inventory.InventoryQuery;
import io.scanwatch.ingest.inventory.ScanStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The inventory in MongoDB: one document per image, keyed by repository and digest (or tag, for
 * registries that send no digest). Tags move with single-document updates, so no transaction is
 * needed.
 */
@Component
class MongoImageInventory implements ImageInventory {

  static final String COLLECTION = "image_inventory";

  private final MongoTemplate mongo;

  MongoImageInventory(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public void apply(ImageEvent event) {
    switch (event.action()) {
      case PUSHED -> pushed(event);
      case DELETED -> deleted(event);
      case SCAN_COMPLETED, SCAN_FAILED, SCAN_UNAVAILABLE ->
          recordScan(
              event.registry(),
              event.repository(),
              event.digest(),
              event.tags(),
              scanOf(event.action(), event.scan(), event.occurredAt(), event.provider()));
    }
  }

  @Override
  public void scanned(
      ImageReference image, Instant scannedAt, SeverityCounts counts, String scanner) {
    Document scan =
        new Document("status", ScanStatus.SCANNED.name())
            .append("at", Date.from(scannedAt))
            .append("by", scanner)
            .append("counts", counts(counts));
    List<String> tags = image.tag() == null ? List.of() : List.of(image.tag());
    long matched = recordScan(image.registry(), image.repository(), image.digest(), tags, scan);
    if (image.digest() == null && image.tag() != null && matched == 0) {
      // No push told of the image: file it under its tag, so that every scanned image is listed.
      // A push naming a digest later takes the tag over, as a tag points at one image.
      mongo.upsert(
          byId(id(image.registry(), image.repository(), null, image.tag())),
          new Update()
              .set("registry", image.registry())
              .set("repository", image.repository())
              .set("scan", scan)
              .addToSet("tags", image.tag()),
          COLLECTION);
    }
  }

  @Override
  public List<InventoryImage> find(InventoryQuery query) {
    var criteria = new ArrayList<Criteria>();
    if (query.registry() != null) {
      criteria.add(Criteria.where("registry").is(query.registry()));
    }
    if (query.repository() != null) {
      // A glob matches the whole name, and MongoDB's $regex matches anywhere unless anchored.
      criteria.add(
          Criteria.where("repository")
              .regex("^(?:" + RepositoryGlob.of(query.repository()).pattern().pattern() + ")$"));
    }
    if (query.tag() != null) {
      criteria.add(Criteria.where("tags").is(query.tag()));
    }
    if (query.scanStatus() == ScanStatus.NOT_SCANNED) {
      criteria.add(Criteria.where("scan").exists(false));
    } else if (query.scanStatus() != null) {
      criteria.add(Criteria.where("scan.status").is(query.scanStatus().name()));
    }
    if (!query.includeDeleted()) {
      criteria.add(Criteria.where("deletedAt").exists(false));
    }
    Query find =
        criteria.isEmpty()
            ? new Query()
            : Query.query(new Criteria().andOperator(criteria.toArray(Criteria[]::new)));
    find.with(Sort.by(Sort.Order.desc("pushedAt"), Sort.Order.asc("_id"))).limit(query.limit());
    return mongo.find(find, Document.class, COLLECTION).stream()
        .map(MongoImageInventory::image)
        .toList();
  }

  private void pushed(ImageEvent event) {
    if (event.digest() == null) {
      for (String tag : event.tags()) {
        upsertPush(event, id(event.registry(), event.repository(), null, tag), List.of(tag));
      }
      return;
    }
    upsertPush(event, id(event.registry(), event.repository(), event.digest(), null), event.tags());
  }

  private void upsertPush(ImageEvent event, String id, List<String> tags) {
    moveTags(event.registry(), event.repository(), id, tags);
    Update update =
        new Update()
            .set("registry", event.registry())
            .set("repository", event.repository())
            .set("digest", event.digest())
            .max("pushedAt", Date.from(event.occurredAt()))
            .set("pushedVia", event.provider() + "/" + event.source())
            .unset("deletedAt")
            .addToSet("tags")
            .each(tags.toArray());
    if (event.mediaType() != null) {
      update.set("mediaType", event.mediaType());
    }
    if (!event.platforms().isEmpty()) {
      update.set(
          "platforms", event.platforms().stream().map(MongoImageInventory::platform).toList());
    }
    mongo.upsert(byId(id), update, COLLECTION);
  }

  /** A tag points at one image: pushing it elsewhere takes it off the image it was on. */
  private void moveTags(String registry, String repository, String keep, List<String> tags) {
    if (tags.isEmpty()) {
      return;
    }
    mongo.updateMulti(
        Query.query(
            Criteria.where("registry")
                .is(registry)
                .and("repository")
                .is(repository)
                .and("_id")
                .ne(keep)
                .and("tags")
                .in(tags)),
        new Update().pullAll("tags", tags.toArray()),
        COLLECTION);
  }

  private void deleted(ImageEvent event) {
    if (event.digest() != null) {
      mongo.updateFirst(
          byId(id(event.registry(), event.repository(), event.digest(), null)),
          new Update().set("deletedAt", Date.from(event.occurredAt())).set("tags", List.of()),
          COLLECTION);
      return;
    }
    moveTags(event.registry(), event.repository(), null, event.tags());
  }

  /** Records {@code scan}; returns how many images known by tag alone it was recorded on. */
  private long recordScan(
      String registry, String repository, String digest, List<String> tags, Document scan) {
    if (digest != null) {
      Update update =
          new Update()
              .set("registry", registry)
              .set("repository", repository)
              .set("digest", digest)
              .set("scan", scan)
              .addToSet("tags")
              .each(tags.toArray());
      mongo.upsert(byId(id(registry, repository, digest, null)), update, COLLECTION);
    }
    if (!tags.isEmpty()) {
      // Registries that send no digest (Docker Hub, Quay) know the image by tag only. A scan known
      // by tag alone (a Trivy report of registry/repo:tag) is of the image the tag points at now,
      // whether or not its push named a digest.
      Criteria byTag = Criteria.where("registry").is(registry).and("repository").is(repository);
      if (digest != null) {
        byTag = byTag.and("digest").is(null);
      }
      return mongo
          .updateMulti(
              Query.query(byTag.and("tags").in(tags)), Update.update("scan", scan), COLLECTION)
          .getMatchedCount();
    }
    return 0;
  }

  private static Document scanOf(
      ImageAction action, RegistryScan scan, Instant at, String provider) {
    ScanStatus status =
        switch (action) {
          case SCAN_COMPLETED -> ScanStatus.SCANNED;
          case SCAN_FAILED -> ScanStatus.FAILED;
          default -> ScanStatus.UNAVAILABLE;
        };
    var document =
        new Document("status", status.name())
            .append("at", Date.from(at))
            .append("by", scan != null && scan.scanner() != null ? scan.scanner() : provider);
    if (scan != null && scan.counts() != null) {
      document.append("counts", counts(scan.counts()));
    }
    if (scan != null && scan.detail() != null) {
      document.append("detail", scan.detail());
    }
    return document;
  }

  private static Document counts(SeverityCounts counts) {
    return new Document("critical", counts.critical())
        .append("high", counts.high())
        .append("medium", counts.medium())
        .append("low", counts.low())
        .append("unknown", counts.unknown());
  }

  private static Document platform(ImagePlatform platform) {
    var document = new Document();
    document.append("os", platform.os()).append("architecture", platform.architecture());
    if (platform.variant() != null) {
      document.append("variant", platform.variant());
    }
    if (platform.digest() != null) {
      document.append("digest", platform.digest());
    }
    return document;
  }

  private static InventoryImage image(Document document) {
    Document scan = document.get("scan", Document.class);
    Document counts = scan == null ? null : scan.get("counts", Document.class);
    List<Document> platforms = document.getList("platforms", Document.class, List.of());
    return new InventoryImage(
        document.getString("registry"),
        document.getString("repository"),
        document.getString("digest"),
        document.getList("tags", String.class, List.of()),
        document.getString("mediaType"),
        platforms.stream()
            .map(
                p ->
                    new ImagePlatform(
                        p.getString("os"),
                        p.getString("architecture"),
                        p.getString("variant"),
                        p.getString("digest")))
            .toList(),
        instant(document.getDate("pushedAt")),
        document.getString("pushedVia"),
        instant(document.getDate("deletedAt")),
        scan == null ? ScanStatus.NOT_SCANNED : ScanStatus.valueOf(scan.getString("status")),
        scan == null ? null : instant(scan.getDate("at")),
        scan == null ? null : scan.getString("by"),
        counts == null
            ? null
            : new SeverityCounts(
                counts.getInteger("critical", 0),
                counts.getInteger("high", 0),
                counts.getInteger("medium", 0),
                counts.getInteger("low", 0),
                counts.getInteger("unknown", 0)));
  }

  private static String id(String registry, String repository, String digest, String tag) {
    return registry + "/" + repository + (digest != null ? "@" + digest : ":" + tag);
  }

  private static Query byId(String id) {
    return Query.query(Criteria.where("_id").is(id));
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
