import { courseMap } from '$lib/server/catalog';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = () => ({ course: courseMap() });
