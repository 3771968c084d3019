import { createConnection } from "node:net";

/** The redis-server's pid, from INFO server (so its CPU and memory can be read from /proc). */
export function redisProcessId(port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: "127.0.0.1" });
    let data = "";
    const finish = (pid: number | null) => {
      socket.destroy();
      resolve(pid);
    };
    socket.setTimeout(2000, () => finish(null));
    socket.on("error", () => finish(null));
    socket.on("connect", () => socket.write("INFO server\r\n"));
    socket.on("data", (chunk) => {
      data += chunk.toString();
      const match = /process_id:(\d+)/.exec(data);
      if (match?.[1]) finish(Number(match[1]));
    });
  });
}
