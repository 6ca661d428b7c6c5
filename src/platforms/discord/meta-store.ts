/** The slice of the store the Discord platform uses: small key/value metadata. */
export interface MetaStore {
  getMeta(key: string): Promise<string | null>;
  setMeta(key: string, value: string): Promise<void>;
}
