/** Channel and workspace keys live with Destination in core; routing imports them from here. */
export { destinationKey, workspaceKey } from '../core/types.js';
