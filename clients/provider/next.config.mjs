import { appNextConfig } from '../shared/next-config.mjs';

export default appNextConfig();
