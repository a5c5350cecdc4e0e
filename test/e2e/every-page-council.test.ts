import { everyPageAs } from './every-page.ts';

everyPageAs('council');
