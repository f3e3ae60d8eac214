// Docker's text output helpers: tabwriter columns (padding 3) and go-units sizes and durations.
import type { ProgramResult } from "../types";

export const ok = (stdout: string, stderr = ""): ProgramResult => ({
  stdout,
  stderr,
  exitCode: 0,
});
export const fail = (
  stderr: string,
  stdout = "",
  exitCode = 1,
): ProgramResult => ({
  stdout,
  stderr: stderr.endsWith("\n") ? stderr : `${stderr}\n`,
  exitCode,
});

/** Columns as docker's tabwriter lays them out (docker/cli formatter: tabwriter.NewWriter(out, 10, 1, 3, ' ', 0)): each cell padded to the column's widest plus 3, at least 10. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach(
      (cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)),
    );
  return (
    rows
      .map((row) =>
        row
          .map((cell, i) =>
            i === row.length - 1
              ? cell
              : cell.padEnd(Math.max(10, (widths[i] ?? 0) + 3)),
          )
          .join("")
          .trimEnd(),
      )
      .join("\n") + "\n"
  );
}

/** go-units HumanSizeWithPrecision(size, 3): decimal units, three significant digits ("7.8MB", "1.23kB"). */
export function humanSize(bytes: number): string {
  const units = ["B", "kB", "MB", "GB", "TB"];
  let size = bytes;
  let i = 0;
  while (size >= 1000 && i < units.length - 1) {
    size /= 1000;
    i++;
  }
  return `${Number(size.toPrecision(3))}${units[i]}`;
}

/** go-units HumanDuration, as `docker images` writes CREATED ("2 hours ago"). */
export function humanDuration(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 1) return "Less than a second";
  if (s === 1) return "1 second";
  if (s < 60) return `${s} seconds`;
  const m = Math.floor(s / 60);
  if (m === 1) return "About a minute";
  if (m < 60) return `${m} minutes`;
  const h = Math.round(s / 3600);
  if (h === 1) return "About an hour";
  if (h < 48) return `${h} hours`;
  if (h < 24 * 7 * 2) return `${Math.floor(h / 24)} days`;
  if (h < 24 * 30 * 2) return `${Math.floor(h / 24 / 7)} weeks`;
  if (h < 24 * 365 * 2) return `${Math.floor(h / 24 / 30)} months`;
  return `${Math.floor(h / 24 / 365)} years`;
}
