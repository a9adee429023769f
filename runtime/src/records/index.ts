export { RecordCollection } from './record-collection.js';
export type {
  InvalidRecord,
  RecordInput,
  RecordOptions,
  RecordPage,
  RecordType,
  StoredRecord,
  WriteOptions,
} from './record-collection.js';
