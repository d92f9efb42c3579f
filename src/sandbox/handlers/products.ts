// Products (goods) of a location with their stock per storage: list with term/category and page/count, read,
// create, replace, delete, the search tree, and product categories.
import type { Product, ProductCategory } from '../model';
import type { Store } from '../store';
import { compactOffset, nowEastern } from '../time';
import { fieldProblem } from './errors';
import type { Handler, HandlerContext } from './handler';
import { bodyOf, has, idParam, locationRecord, queryIds } from './request';
import { respond, respondList } from './responses';
import { paginate, respondPage } from './paging';

interface ProductBody {
  title: string;
  print_title?: string | null;
  article?: string | null;
  barcode?: string | null;
  category_id: number;
  cost: number;
  actual_cost?: number | null;
  sale_unit_id: number;
  service_unit_id: number;
  unit_equals: number;
}

/** Units the seed knows by name; any other id is accepted and shown by its id. */
const UNIT_TITLES: Record<number, string> = { 4835: 'pcs', 3548: 'ml', 3549: 'g' };

export function productView(product: Product) {
  const stock = product.amounts.reduce((sum, a) => sum + a.amount, 0);
  const unitCost = product.unit_equals ? Math.round((product.actual_cost / product.unit_equals) * 1000) / 1000 : 0;
  return {
    title: product.title,
    value: product.title,
    label: product.article ? `${product.title} (${product.article})` : product.title,
    good_id: product.id,
    cost: product.cost,
    unit_id: product.unit_id,
    unit_short_title: product.unit_short_title,
    service_unit_id: product.service_unit_id,
    service_unit_short_title: product.service_unit_short_title,
    actual_cost: product.actual_cost,
    unit_actual_cost: unitCost,
    unit_actual_cost_format: `${unitCost.toFixed(2)} $`,
    unit_equals: product.unit_equals,
    barcode: product.barcode,
    article: product.article,
    category_id: product.category_id,
    actual_amounts: product.amounts,
    stock_amount: stock,
    last_change_date: product.last_change_date,
  };
}

function productOf(ctx: HandlerContext): Product {
  return locationRecord(ctx, 'products', 'product_id', 'Product');
}

function productFields(ctx: HandlerContext, body: ProductBody): Partial<Product> {
  const locationId = idParam(ctx, 'location_id');
  const category = ctx.store.get('productCategories', body.category_id);
  if (!category || category.location_id !== locationId) {
    throw fieldProblem(
      'category_id',
      `category_id ${body.category_id} is not a product category of location ${locationId}`,
    );
  }
  if (body.cost < 0) throw fieldProblem('cost', 'cost must not be negative');
  if (body.unit_equals <= 0) throw fieldProblem('unit_equals', 'unit_equals must be greater than zero');
  const fields: Partial<Product> = {
    title: body.title,
    category_id: body.category_id,
    cost: body.cost,
    unit_id: body.sale_unit_id,
    unit_short_title: UNIT_TITLES[body.sale_unit_id] ?? `unit ${body.sale_unit_id}`,
    service_unit_id: body.service_unit_id,
    service_unit_short_title: UNIT_TITLES[body.service_unit_id] ?? `unit ${body.service_unit_id}`,
    unit_equals: body.unit_equals,
    last_change_date: compactOffset(nowEastern()),
  };
  for (const key of ['print_title', 'article', 'barcode', 'actual_cost'] as const) {
    if (has(body as unknown as Record<string, unknown>, key) && body[key] !== null)
      (fields as Record<string, unknown>)[key] = body[key];
  }
  return fields;
}

/** A node of the goods tree: a category (item 0) under its parent category, or a product under its category. */
function treeNode(parentId: number, categoryId: number, title: string, itemId = 0) {
  return {
    parent_id: parentId,
    item_id: itemId,
    category_id: categoryId,
    title,
    is_chain: false,
    is_category: itemId === 0,
    is_item: itemId !== 0,
  };
}

function categoryNode(c: ProductCategory) {
  return treeNode(c.parent_id, c.id, c.title);
}

function productNode(p: Product) {
  return treeNode(p.category_id, p.category_id, p.title, p.id);
}

function productCategoryOf(ctx: HandlerContext): ProductCategory {
  return locationRecord(ctx, 'productCategories', 'category_id', 'Product category');
}

/** A parent must be 0 (the root) or a category of the location, and not the category itself or below it. */
function checkParent(ctx: HandlerContext, parent: number, self?: number): void {
  const locationId = idParam(ctx, 'location_id');
  if (parent === 0) return;
  let current = ctx.store.get('productCategories', parent);
  if (!current || current.location_id !== locationId)
    throw fieldProblem(
      'parent_category_id',
      `parent_category_id ${parent} is not a product category of location ${locationId}`,
    );
  while (current) {
    if (current.id === self) throw fieldProblem('parent_category_id', `category ${self} cannot be placed under itself`);
    current = current.parent_id ? ctx.store.get('productCategories', current.parent_id) : undefined;
  }
}

function productsOf(store: Store, locationId: number, term: unknown, categoryId: unknown): Product[] {
  const text = typeof term === 'string' ? term.toLowerCase() : undefined;
  return store.filter(
    'products',
    (p) =>
      p.location_id === locationId &&
      (categoryId === undefined || p.category_id === categoryId) &&
      (text === undefined || [p.title, p.article, p.barcode].some((v) => v.toLowerCase().includes(text))),
  );
}

export const productHandlers: Record<string, Handler> = {
  get_products_list(ctx) {
    return respondPage(
      ctx,
      productsOf(ctx.store, idParam(ctx, 'location_id'), ctx.query.term, ctx.query.category_id),
      productView,
    );
  },

  get_product(ctx) {
    return respondPage(ctx, [productView(productOf(ctx))]);
  },

  create_product(ctx) {
    const fields = productFields(ctx, bodyOf(ctx) as unknown as ProductBody);
    const product = ctx.store.insert('products', {
      id: ctx.store.nextId('products'),
      location_id: idParam(ctx, 'location_id'),
      title: '',
      print_title: fields.title ?? '',
      article: '',
      barcode: '',
      category_id: 0,
      cost: 0,
      actual_cost: 0,
      unit_id: 0,
      unit_short_title: '',
      service_unit_id: 0,
      service_unit_short_title: '',
      unit_equals: 1,
      amounts: [],
      last_change_date: '',
      ...fields,
    });
    return respond(ctx, productView(product));
  },

  update_product(ctx) {
    const product = productOf(ctx);
    const updated = ctx.store.update(
      'products',
      product.id,
      productFields(ctx, bodyOf(ctx) as unknown as ProductBody),
    )!;
    return respond(ctx, productView(updated));
  },

  delete_product(ctx) {
    ctx.store.remove('products', productOf(ctx).id);
    return respond(ctx, null);
  },

  /** The product tree: matching categories, then matching products under them. */
  search_product(ctx) {
    const locationId = idParam(ctx, 'location_id');
    const term = typeof ctx.query.term === 'string' ? ctx.query.term.toLowerCase() : '';
    const limit = typeof ctx.query.count === 'number' ? Math.min(ctx.query.count, 100) : 100;
    const categories = ctx.store.filter(
      'productCategories',
      (c) => c.location_id === locationId && c.title.toLowerCase().includes(term),
    );
    const items = productsOf(ctx.store, locationId, term || undefined, undefined);
    const tree = [...categories.map(categoryNode), ...items.map(productNode)].slice(0, limit);
    return respondList(ctx, tree);
  },

  get_product_category_list(ctx) {
    const locationId = idParam(ctx, 'location_id');
    const parent = ctx.pathParams.parent_category_id as number;
    const list = ctx.store.filter('productCategories', (c) => c.location_id === locationId && c.parent_id === parent);
    return respondList(
      ctx,
      list.map((c) => ({ id: c.id, title: c.title })),
    );
  },

  deprecated_get_product_category_list(ctx) {
    const category = productCategoryOf(ctx);
    return respondList(ctx, [{ id: category.id, title: category.title }]);
  },

  get_product_category_list_by_ids(ctx) {
    const locationId = idParam(ctx, 'location_id');
    const ids = queryIds(ctx);
    const list = ctx.store.filter('productCategories', (c) => c.location_id === locationId && ids.has(c.id));
    return respondList(
      ctx,
      list.map((c) => ({ id: c.id, title: c.title })),
    );
  },

  update_product_category(ctx) {
    const category = productCategoryOf(ctx);
    const body = bodyOf(ctx) as { title?: string | null; parent_category_id?: number | null };
    const parent = body.parent_category_id ?? category.parent_id;
    checkParent(ctx, parent, category.id);
    const title = body.title ?? category.title;
    if (!title.trim()) throw fieldProblem('title', 'title must not be empty');
    const updated = ctx.store.update('productCategories', category.id, { title, parent_id: parent })!;
    return respond(ctx, { id: updated.id, title: updated.title, parent_category_id: updated.parent_id });
  },

  /** Removes the category; its subcategories and products move up to its parent. */
  delete_product_category(ctx) {
    const category = productCategoryOf(ctx);
    for (const child of ctx.store.filter('productCategories', (c) => c.parent_id === category.id))
      ctx.store.update('productCategories', child.id, { parent_id: category.parent_id });
    for (const product of ctx.store.filter('products', (p) => p.category_id === category.id))
      ctx.store.update('products', product.id, { category_id: category.parent_id });
    ctx.store.remove('productCategories', category.id);
    return respond(ctx, null);
  },

  /** A category node with its subcategories and products, the children paged. */
  get_product_category_composition(ctx) {
    const category = productCategoryOf(ctx);
    const locationId = category.location_id;
    const children = [
      ...ctx.store
        .filter('productCategories', (c) => c.location_id === locationId && c.parent_id === category.id)
        .map(categoryNode),
      ...ctx.store
        .filter('products', (p) => p.location_id === locationId && p.category_id === category.id)
        .map(productNode),
    ];
    const { items } = paginate(ctx, children);
    return respond(ctx, {
      ...categoryNode(category),
      children: items,
      children_count: children.length,
    });
  },

  create_product_category(ctx) {
    const locationId = idParam(ctx, 'location_id');
    const body = bodyOf(ctx) as { title: string; parent_category_id?: number | null };
    const parent = body.parent_category_id ?? 0;
    checkParent(ctx, parent);
    const category = ctx.store.insert('productCategories', {
      id: ctx.store.nextId('productCategories'),
      location_id: locationId,
      parent_id: parent,
      title: body.title,
    });
    return respond(ctx, { id: category.id, title: category.title, parent_category_id: category.parent_id });
  },
};
