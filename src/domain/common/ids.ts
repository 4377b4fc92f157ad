/** True for a database id as the API hands them out (an unsigned BIGINT written in decimal). */
export const isNumericId = (id: string): boolean => /^\d{1,20}$/.test(id);
