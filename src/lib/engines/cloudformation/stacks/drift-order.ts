// Which arrays of a resource drift detection compares as sets. The registry schema says it per
// array: `insertionOrder: false` means "the order does not matter" (the resource provider
// meta-schema: "When set to true, this flag indicates that the order of insertion of the array will
// be honored, and that changing the order of the array would indicate a diff"; CloudFormation CLI
// PR #608 added the flag "to ensure drift parity"). Tags of most types carry it, so a repository
// whose tags come back in another order is not drift. Without a schema every array keeps its order.
import type { ResourceSchema, Shape } from '../resources';

/** A path of property names from the resource's Properties; `'*'` stands for any array item. */
export type SchemaPath = readonly string[];

export type OrderRule = (path: SchemaPath) => boolean;

const orderMatters: OrderRule = () => false;

function resolve(schema: ResourceSchema, shape: Shape | undefined, depth = 0): Shape | undefined {
	if (!shape || depth > 20) return shape;
	const m = shape.$ref ? /^#\/definitions\/(.+)$/.exec(shape.$ref) : null;
	return m ? resolve(schema, schema.definitions?.[m[1] ?? ''], depth + 1) : shape;
}

/** The schema node at `path`, following $ref, `items` for '*' and `properties` otherwise. */
function nodeAt(schema: ResourceSchema, path: SchemaPath): Shape | undefined {
	let node: Shape | undefined = schema;
	for (const segment of path) {
		node = resolve(schema, node);
		if (!node) return undefined;
		node = segment === '*' ? node.items : node.properties?.[segment];
	}
	return resolve(schema, node);
}

/** Whether the array at a path is unordered for drift, per the type's schema. */
export function unorderedArrays(schema: ResourceSchema | undefined): OrderRule {
	if (!schema) return orderMatters;
	const memo = new Map<string, boolean>();
	return (path) => {
		const key = path.join('/');
		let v = memo.get(key);
		if (v === undefined) {
			v = nodeAt(schema, path)?.insertionOrder === false;
			memo.set(key, v);
		}
		return v;
	};
}
