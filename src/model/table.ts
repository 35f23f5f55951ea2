/** True for a cell that holds a figure ("£1,024", "3.9%", "-45.7"), which reads best aligned right. */
export const isNumericCell = (cell: string): boolean => /^[-–(]?[£$€]?\d[\d,]*(\.\d+)?[%kKm)]?$/.test(cell.trim());
