/** The kit's version, compared when a tag is already registered by another copy of the kit. */
export const KIT_VERSION = '0.1.0';
