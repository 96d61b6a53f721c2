// The pinned fauxqs emulator (package.json) with the three S3 operations the job's long-source path uses and
// fauxqs 1.9.2 lacks, added as S3 documents them:
//   - PutObject with If-None-Match: * (a conditional write: 412 PreconditionFailed when the key exists),
//   - CompleteMultipartUpload with If-None-Match: * (the same, for an object assembled from parts),
//   - UploadPartCopy (UploadPart with x-amz-copy-source and an optional x-amz-copy-source-range: a part copied
//     from an existing object, never passing through the client).
// fauxqs ignores the If-None-Match header (it overwrites) and stores an empty part for an UploadPartCopy. Node runs
// each handler below to its end before it takes the next request, so check-and-write is atomic as S3's is.
// Started by LocalAws/FauxqsEmulator.cs: node fauxqs-s3.mjs <node_modules folder>; FAUXQS_PORT and FAUXQS_HOST as fauxqs.
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const dist = join(process.argv[2], "fauxqs", "dist");
const load = (path) => import(pathToFileURL(join(dist, ...path.split("/"))).href);
const { buildApp } = await load("app.js");
const { S3Store } = await load("s3/s3Store.js");
const { S3Error } = await load("common/errors.js");
const { putObject } = await load("s3/actions/putObject.js");
const { completeMultipartUpload } = await load("s3/actions/completeMultipartUpload.js");

const host = process.env.FAUXQS_HOST ?? "127.0.0.1";
const port = parseInt(process.env.FAUXQS_PORT ?? "4566", 10);
const store = new S3Store();
const app = buildApp({ logger: false, host, stores: { s3Store: store } });

const exists = (bucket, key) => store.buckets.get(bucket)?.has(key) ?? false;
const precondition = () => new S3Error("PreconditionFailed", "At least one of the pre-conditions you specified did not hold", 412);
const sendError = (reply, error) => reply.status(error.statusCode).header("content-type", "application/xml").send(error.toXml());

// "/bucket/key" or "bucket/key", URL-encoded, as x-amz-copy-source carries it; a "?versionId=" suffix is not supported.
function copySource(header) {
  const decoded = decodeURIComponent(header.startsWith("/") ? header.slice(1) : header);
  const slash = decoded.indexOf("/");
  if (slash <= 0 || decoded.includes("?versionId=")) {
    throw new S3Error("InvalidArgument", "Copy Source must mention the source bucket and key: sourcebucket/sourcekey", 400);
  }
  return [decoded.slice(0, slash), decoded.slice(slash + 1)];
}

function uploadPartCopy(request, reply) {
  const [bucket, key] = copySource(request.headers["x-amz-copy-source"]);
  const source = store.getObject(bucket, key);
  let body = source.body;
  const range = request.headers["x-amz-copy-source-range"];
  if (range) {
    const match = /^bytes=(\d+)-(\d+)$/.exec(range);
    if (!match || Number(match[1]) > Number(match[2]) || Number(match[2]) >= body.length) {
      throw new S3Error("InvalidArgument", "The x-amz-copy-source-range value must be of the form bytes=first-last where first and last are the zero-based offsets of the first and last bytes to copy", 400);
    }
    body = body.subarray(Number(match[1]), Number(match[2]) + 1);
  }
  const etag = store.uploadPart(request.query.uploadId, parseInt(request.query.partNumber, 10), Buffer.from(body));
  reply.header("content-type", "application/xml").status(200).send(
    `<?xml version="1.0" encoding="UTF-8"?>\n<CopyPartResult><LastModified>${new Date().toISOString()}</LastModified><ETag>${etag}</ETag></CopyPartResult>`);
}

// The .NET SDK sends UploadPartCopy's empty body as application/x-amz-json-1.0, which fauxqs parses as an SQS request
// (and fails on); it is an S3 request without a body.
app.addHook("onRequest", (request, reply, done) => {
  if (request.headers["x-amz-copy-source"]) {
    request.headers["content-type"] = "application/octet-stream";
  }
  done();
});

app.addHook("preHandler", (request, reply, done) => {
  const query = request.query ?? {};
  const path = request.url.split("?")[0].slice(1);
  const slash = path.indexOf("/");
  const isObject = slash > 0 && slash < path.length - 1;
  try {
    if (!isObject) {
      return done();
    }
    const bucket = path.slice(0, slash);
    const key = decodeURIComponent(path.slice(slash + 1));
    const ifNoneMatch = request.headers["if-none-match"];
    if (request.method === "PUT" && query.uploadId && query.partNumber && request.headers["x-amz-copy-source"]) {
      uploadPartCopy(request, reply);
    } else if (request.method === "PUT" && !query.uploadId && ifNoneMatch === "*" && !request.headers["x-amz-copy-source"]) {
      if (exists(bucket, key)) throw precondition();
      putObject(request, reply, store);
    } else if (request.method === "POST" && query.uploadId && ifNoneMatch === "*") {
      if (exists(bucket, key)) throw precondition();
      completeMultipartUpload(request, reply, store);
    } else {
      return done();
    }
  } catch (error) {
    if (!(error instanceof S3Error)) {
      return done(error);
    }
    sendError(reply, error);
  }
});

await app.listen({ port, host: "0.0.0.0" });
