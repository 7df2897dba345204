package id.pantauspm.ingest;

/** How a file writes decimals in text: 1,234.5 (DOT) or 1.234,5 (COMMA, the Indonesian way). */
public enum DecimalConvention { DOT, COMMA }
