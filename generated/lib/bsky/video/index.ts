export { VideoUploadError } from './video-upload-error.js';
export type { VideoUploadFailure } from './video-upload-error.js';
export { videoServiceUploader } from './video-service-uploader.js';
export type { VideoServiceOptions } from './video-service-uploader.js';
