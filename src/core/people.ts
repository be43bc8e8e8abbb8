/** Authors as readers meet them in bylines and on author pages. */
export interface Author {
  id: number;
  slug: string;
  name: string;
  role: string;
  bio: string;
  xHandle: string | null;
}

export interface Tag {
  id: number;
  slug: string;
  name: string;
}
