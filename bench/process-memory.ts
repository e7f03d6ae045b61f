import { readdirSync, readFileSync } from "node:fs";

interface ProcessInfo {
  pid: number;
  ppid: number;
  name: string;
  rssKb: number;
}

function processes(): ProcessInfo[] {
  const list: ProcessInfo[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, "utf8");
      const field = (name: string) => status.match(new RegExp(`^${name}:\\s*(\\S+)`, "m"))?.[1] ?? "";
      list.push({ pid: Number(entry), ppid: Number(field("PPid")), name: field("Name"), rssKb: Number(field("VmRSS")) || 0 });
    } catch {
      // The process ended while we looked.
    }
  }
  return list;
}

function descendsFrom(info: ProcessInfo, ancestor: number, byPid: Map<number, ProcessInfo>): boolean {
  for (let current: ProcessInfo | undefined = info, hops = 0; current && hops < 32; hops++) {
    if (current.ppid === ancestor) return true;
    current = byPid.get(current.ppid);
  }
  return false;
}

export interface RssSample {
  /** workerd processes started by this command (Worker A, and B when the command started it too). */
  ownMb: number;
  /** every workerd process on the machine. */
  allMb: number;
  ownProcesses: number;
}

/** Samples the resident memory of the Worker processes (workerd) every `everyMs` until stopped (Linux /proc). */
export interface RssSummary {
  peak: Omit<RssSample, "ownProcesses">;
  mean: Omit<RssSample, "ownProcesses">;
  samples: number;
  ownProcesses: number;
}

export function sampleWorkerRss(everyMs = 500): { stop(): RssSummary } {
  const samples: RssSample[] = [];
  const take = () => {
    const list = processes();
    const byPid = new Map(list.map((p) => [p.pid, p]));
    const workerd = list.filter((p) => p.name === "workerd");
    const mb = (ps: ProcessInfo[]) => ps.reduce((sum, p) => sum + p.rssKb, 0) / 1024;
    const own = workerd.filter((p) => descendsFrom(p, process.pid, byPid));
    samples.push({ ownMb: mb(own), allMb: mb(workerd), ownProcesses: own.length });
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      const peak = { ownMb: Math.max(...samples.map((s) => s.ownMb)), allMb: Math.max(...samples.map((s) => s.allMb)) };
      const mean = {
        ownMb: samples.reduce((n, s) => n + s.ownMb, 0) / samples.length,
        allMb: samples.reduce((n, s) => n + s.allMb, 0) / samples.length,
      };
      return { peak, mean, samples: samples.length, ownProcesses: Math.max(...samples.map((s) => s.ownProcesses)) };
    },
  };
}
