export { assembleEmbed, splitEmbed } from './post-embed.js';
export type { EmbedParts, PostEmbed } from './post-embed.js';
export { MAX_POST_IMAGES, PostBuilder, post } from './post-builder.js';
export { MAX_POST_BYTES, MAX_POST_GRAPHEMES, assertPostLength } from './post-length.js';
export { PostLengthError } from './post-length-error.js';
export type { PostLengthUnit } from './post-length-error.js';
export { isBlobUpload, pendingUploads } from './post-media.js';
export type {
  BlobInput,
  BlobUpload,
  ExternalDraft,
  ImageDraft,
  MediaDraft,
  VideoDraft,
} from './post-media.js';
export { PostNotPreparedError } from './post-not-prepared-error.js';
export { blobUploader, postServices } from './post-services.js';
export type { PostServices } from './post-services.js';
export { toReplyRef } from './reply-target.js';
export type { ReplyTarget } from './reply-target.js';
export { toStrongRef } from './strong-ref.js';
export type { StrongRef } from './strong-ref.js';
export { uploadMedia } from './upload-media.js';
export type { BlobUploader, MediaUploaders } from './upload-media.js';
