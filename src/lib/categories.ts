// The section hierarchy: ids, parents, and the paths derived from them.
export interface Helpline {
  name: string;
  number: string;
  hours?: string | undefined;
}

export interface CategoryRecord {
  id: string;
  name: string;
  parent?: string | undefined;
  description?: string | undefined;
  helplines?: Helpline[] | undefined;
}

export interface Category extends CategoryRecord {
  /** Ids from the top level down to this category. */
  path: string[];
  children: string[];
  url: string;
}

export interface CategoryTree {
  byId: Map<string, Category>;
  roots: Category[];
  /** The category and all its ancestors, top level first. */
  trail(id: string): Category[];
  /** The category's id and the ids of all categories below it. */
  subtree(id: string): Set<string>;
  /** Helplines of the category, or of its nearest ancestor that has some. */
  helplines(id: string): Helpline[];
}

export function buildCategoryTree(records: CategoryRecord[]): CategoryTree {
  const raw = new Map(records.map((r) => [r.id, r]));
  const byId = new Map<string, Category>();

  const pathOf = (id: string, seen: string[] = []): string[] => {
    if (seen.includes(id)) throw new Error(`Boucle dans content/categories.yaml : ${[...seen, id].join(" › ")}`);
    const rec = raw.get(id);
    if (!rec) return [];
    return rec.parent ? [...pathOf(rec.parent, [...seen, id]), id] : [id];
  };

  for (const rec of [...raw.values()].sort((a, b) => a.id.localeCompare(b.id))) {
    const path = pathOf(rec.id);
    byId.set(rec.id, { ...rec, path, children: [], url: `/rubriques/${path.join("/")}/` });
  }
  for (const cat of byId.values()) {
    if (cat.parent) byId.get(cat.parent)?.children.push(cat.id);
  }
  const roots = [...byId.values()].filter((c) => !c.parent).sort((a, b) => a.name.localeCompare(b.name, "fr"));

  const subtree = (id: string): Set<string> => {
    const out = new Set<string>([id]);
    for (const child of byId.get(id)?.children ?? []) for (const d of subtree(child)) out.add(d);
    return out;
  };

  return {
    byId,
    roots,
    trail: (id) => (byId.get(id)?.path ?? []).map((p) => byId.get(p)!),
    subtree,
    helplines: (id) => {
      const trail = (byId.get(id)?.path ?? []).map((p) => byId.get(p)!);
      return trail.reverse().find((c) => c.helplines?.length)?.helplines ?? [];
    },
  };
}
