import { formatDatetime } from '@lexforge/runtime';

import * as ComAtprotoLabelDefs from '../../../src/com/atproto/label/defs.js';
import * as AppBskyFeedPost from '../../../src/app/bsky/feed/post.js';
import { checkRecord } from '../check-record.js';
import { detectFacets } from '../rich-text/detect-facets.js';
import { toFacets } from '../rich-text/facet-features.js';
import { isFreeSlice, mergeFacets } from '../rich-text/merge-facets.js';
import { resolveMentions, unresolvedHandles } from '../rich-text/resolve-mentions.js';
import { assemblePost, decomposePost } from './post-draft.js';
import { assertPostLength } from './post-length.js';
import { pendingUploads } from './post-media.js';
import { PostNotPreparedError } from './post-not-prepared-error.js';
import { toReplyRef } from './reply-target.js';
import { toStrongRef } from './strong-ref.js';
import { uploadMedia } from './upload-media.js';

import type * as AppBskyRichtextFacet from '../../../src/app/bsky/richtext/facet.js';
import type { DetectedFacet } from '../rich-text/detected-facet.js';
import type { ResolvedHandles } from '../rich-text/resolve-mentions.js';
import type { PostDraft } from './post-draft.js';
import type { ExternalDraft, ImageDraft, MediaDraft, VideoDraft } from './post-media.js';
import type { PostServices } from './post-services.js';
import type { ReplyTarget } from './reply-target.js';
import type { StrongRef } from './strong-ref.js';

/** The most images a post embeds (`maxLength` of `app.bsky.embed.images#images`). */
export const MAX_POST_IMAGES = 4;

const SELF_LABELS_TYPE = `${ComAtprotoLabelDefs.NSID}#selfLabels` as const;

function nonEmpty<T>(values: readonly T[]): T[] | undefined {
  return values.length === 0 ? undefined : [...values];
}

/**
 * Builds an `app.bsky.feed.post` record: text whose mentions, links and hashtags become facets,
 * languages, self-labels, tags, a reply, and an embed (images, a link card or a video, a quoted
 * record, or a quote with media). Setters chain and replace what they set; `undefined` or no
 * argument removes it.
 *
 * {@link PostBuilder.prepare} resolves mentions and uploads media; {@link PostBuilder.toJSON}
 * then gives the record, checked against the lexicon. The text limits (300 graphemes, 3000 bytes)
 * are checked by both, before anything is sent.
 *
 * @example
 * const draft = post('Hello @alice.bsky.social, see example.com #atproto 🦋')
 *   .langs('en')
 *   .images({ image: { data: png, mimeType: 'image/png' }, alt: 'A butterfly' });
 * await draft.prepare(postServices(client));
 * await client.app.bsky.feed.post.create(draft.toJSON());
 */
export class PostBuilder {
  #draft: PostDraft;
  #handles: ResolvedHandles = new Map();

  constructor(text = '') {
    this.#draft = { text, detect: true, extra: {} };
  }

  /**
   * Reads a post record back, e.g. one `toJSON` wrote, with its facets as explicit facets and
   * detection off (`detectFacets(true)` turns it on again).
   *
   * @throws {XrpcValidationError} when `json` is not a valid `app.bsky.feed.post` record
   */
  static fromJSON(json: unknown): PostBuilder {
    const builder = new PostBuilder();

    builder.#draft = decomposePost(
      checkRecord(AppBskyFeedPost.NSID, AppBskyFeedPost.mainSchema, json),
    );

    return builder;
  }

  /** Sets the text. */
  text(value: string): this {
    this.#draft.text = value;

    return this;
  }

  /** Sets explicit facets; detected facets that overlap one of them are dropped. */
  facets(facets: readonly AppBskyRichtextFacet.Main[] | undefined): this {
    this.#draft.facets = facets === undefined ? undefined : [...facets];

    return this;
  }

  /** Turns detection of mentions, links and hashtags in the text on (the default) or off. */
  detectFacets(enabled = true): this {
    this.#draft.detect = enabled;

    return this;
  }

  /** Sets the languages of the text, as BCP 47 tags (at most 3). */
  langs(...langs: string[]): this {
    this.#draft.langs = nonEmpty(langs);

    return this;
  }

  /** Sets self-labels, e.g. `nudity` or `graphic-media`. */
  labels(...values: string[]): this {
    const labels = values.map((val) => ({ val }));

    this.#draft.labels =
      values.length === 0 ? undefined : { $type: SELF_LABELS_TYPE, values: labels };

    return this;
  }

  /** Sets hashtags that are not in the text (at most 8, without `#`). */
  tags(...tags: string[]): this {
    this.#draft.tags = nonEmpty(tags);

    return this;
  }

  /**
   * Sets when the post was created; by default, the moment the record is written.
   *
   * @throws {RangeError} when the date is invalid or out of the datetime range
   */
  createdAt(value: Date | string | undefined): this {
    this.#draft.createdAt = value instanceof Date ? formatDatetime(value) : value;

    return this;
  }

  /**
   * Makes the post a reply; the thread's root is read from the parent's record.
   *
   * @throws {TypeError} when the parent record's `reply` is malformed
   */
  reply(target: ReplyTarget | undefined): this {
    this.#draft.reply = target === undefined ? undefined : toReplyRef(target);

    return this;
  }

  /** Quotes a record, e.g. a post, through its strong ref. */
  quote(target: StrongRef | undefined): this {
    this.#draft.quote = target === undefined ? undefined : toStrongRef(target);

    return this;
  }

  /**
   * Embeds images (at most 4), in place of other media.
   *
   * @throws {RangeError} when there are more than 4
   */
  images(...images: ImageDraft[]): this {
    if (images.length > MAX_POST_IMAGES) {
      throw new RangeError(`Too many images: ${images.length}, limit ${MAX_POST_IMAGES}`);
    }

    return this.#setMedia(images.length === 0 ? undefined : { kind: 'images', images });
  }

  /** Embeds a link card, in place of other media. */
  external(card: ExternalDraft | undefined): this {
    return this.#setMedia(card === undefined ? undefined : { kind: 'external', external: card });
  }

  /** Embeds a video, in place of other media. */
  video(video: VideoDraft | undefined): this {
    return this.#setMedia(video === undefined ? undefined : { kind: 'video', video });
  }

  /**
   * Resolves the mentions of the text (each handle once, kept for later changes of the text) and
   * uploads media given as bytes. The text limits are checked first, so a post that is too long
   * uploads nothing. Do not change the builder while it prepares.
   *
   * @throws {PostLengthError} when the text is over a limit
   * @throws {Error} what a resolver or an uploader throws
   */
  async prepare(services: PostServices): Promise<this> {
    assertPostLength(this.#draft.text);

    const media = this.#draft.media;
    const [handles, uploaded] = await Promise.all([
      resolveMentions(this.#detected(), services.resolveHandle, this.#handles),
      media === undefined ? undefined : uploadMedia(media, services),
    ]);

    this.#handles = handles;

    if (this.#draft.media === media) this.#draft.media = uploaded;

    return this;
  }

  /**
   * Returns the record this builder creates: the text with its facets (unresolvable mentions left
   * plain), and every field set, checked against the lexicon.
   *
   * @throws {PostLengthError} when the text is over a limit
   * @throws {PostNotPreparedError} when mentions are unresolved or media not uploaded
   * @throws {XrpcValidationError} when a field breaks the lexicon, e.g. a fourth language
   */
  toJSON(): AppBskyFeedPost.Main {
    assertPostLength(this.#draft.text);

    const detected = this.#detected();
    const mentions = unresolvedHandles(detected, this.#handles).length;
    const uploads = pendingUploads(this.#draft.media);

    if (mentions + uploads > 0) throw new PostNotPreparedError(mentions, uploads);

    const record = assemblePost(this.#draft, this.#facets(detected));

    return checkRecord(AppBskyFeedPost.NSID, AppBskyFeedPost.mainSchema, record);
  }

  #setMedia(media: MediaDraft | undefined): this {
    this.#draft.media = media;

    return this;
  }

  #detected(): DetectedFacet[] {
    if (!this.#draft.detect) return [];

    const explicit = this.#draft.facets ?? [];

    return detectFacets(this.#draft.text).filter(({ index }) => isFreeSlice(index, explicit));
  }

  #facets(detected: readonly DetectedFacet[]): AppBskyRichtextFacet.Main[] | undefined {
    const found = toFacets(detected, this.#handles);

    if (this.#draft.facets === undefined && found.length === 0) return undefined;

    return mergeFacets(this.#draft.facets ?? [], found);
  }
}

/**
 * Starts a post builder.
 *
 * @example
 * const record = post('Hello #atproto').langs('en').toJSON();
 */
export function post(text = ''): PostBuilder {
  return new PostBuilder(text);
}
