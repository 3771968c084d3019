import { describe, expect, it } from "vitest";
import { formatStartBanner, publicUrl } from "./start-banner";

describe("formatStartBanner", () => {
  it("gives the embedded demo's URL, every demo login with the password, and how to turn the simulator off", () => {
    const banner = formatStartBanner({ url: "http://localhost:3000", demo: true, simulator: { org: "demo", byDefault: true } });
    expect(banner).toMatch(/^Switchboard is ready at http:\/\/localhost:3000\n/);
    expect(banner).toContain("Demo logins (password switchboard-demo):");
    for (const line of ["admin@demo.test       admin", "supervisor@demo.test  supervisor", "ana@demo.test         agent", "customer@demo.test    customer"]) {
      expect(banner).toContain(line);
    }
    expect(banner).toContain("running for the demo organization");
    expect(banner).toContain("SIMULATOR=off npm start");
  });

  it("says nothing of logins or simulation a real installation does not have", () => {
    expect(formatStartBanner({ url: "http://10.0.0.5:3000", demo: false, simulator: null })).toBe("Switchboard is ready at http://10.0.0.5:3000\n");
    expect(formatStartBanner({ url: "http://x:1", demo: true, simulator: { org: "demo", byDefault: false } })).toContain("SIMULATOR=demo asked for it");
  });

  it("shows a wildcard bind as localhost", () => {
    expect(publicUrl("0.0.0.0", 3000)).toBe("http://localhost:3000");
    expect(publicUrl("127.0.0.1", 4100)).toBe("http://127.0.0.1:4100");
  });
});
