/** A refusal in SCIM's own error shape (RFC 7644 3.12), answered as application/scim+json. */
export class ScimError extends Error {
  constructor(
    readonly status: 400 | 401 | 404 | 409 | 413 | 500 | 501,
    detail: string,
    readonly scimType?: 'invalidFilter' | 'invalidValue' | 'uniqueness' | 'invalidSyntax' | 'mutability',
  ) {
    super(detail);
  }
}

export const scimErrorBody = (e: ScimError) => ({
  schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
  status: String(e.status),
  ...(e.scimType ? { scimType: e.scimType } : {}),
  detail: e.message,
});
