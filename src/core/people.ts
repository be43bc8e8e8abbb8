/** Authors as readers meet them in bylines and on author pages. */
export interface Author {
  id: number;
  slug: string;
  name: string;
  role: string;
  bio: string;
  xHandle: string | null;
  /** A portrait from the media library. */
  photoMediaId?: number | null;
  /** Profiles elsewhere (https only), shown on the author page with rel="me". */
  links?: AuthorLink[];
}

export interface AuthorLink {
  label: string;
  url: string;
}

export interface Tag {
  id: number;
  slug: string;
  name: string;
}
