import { describe, expect, it } from "vitest";
import { projectShape } from "./project-shape";

const loaded = {
  user: { select: { name: true, email: true } },
  events: { orderBy: { id: "desc" }, take: 1 }
};
const row = {
  id: "e1",
  number: "100",
  secret: "s",
  user: { name: "Ada", email: "ada@example.test" },
  events: [{ id: 7n, kind: "ringing" }]
};

describe("projectShape", () => {
  it("without a shape gives the scalars, without the relations the hooks loaded", () => {
    expect(projectShape(row, loaded, {})).toEqual({ id: "e1", number: "100", secret: "s" });
  });

  it("select: the chosen scalars and loaded relations, or a plain subset of a loaded select", () => {
    expect(projectShape(row, loaded, { select: { id: true, secret: false } })).toEqual({ id: "e1" });
    expect(projectShape(row, loaded, { select: { number: true, user: { select: { name: true } } } })).toEqual({ number: "100", user: { name: "Ada" } });
    expect(projectShape(row, loaded, { select: { events: { orderBy: { id: "desc" }, take: 1 } } })).toEqual({ events: row.events });
  });

  it("include and omit: the scalars less the omitted, plus relations loaded as asked", () => {
    expect(projectShape(row, loaded, { omit: { secret: true, number: false } })).toEqual({ id: "e1", number: "100" });
    expect(projectShape(row, loaded, { include: { user: { select: { name: true } } }, omit: { secret: true } })).toEqual({
      id: "e1",
      number: "100",
      user: { name: "Ada" }
    });
    expect(projectShape({ ...row, user: null }, loaded, { include: { user: { select: { email: true } } } })).toMatchObject({ user: null });
  });

  it("gives up (so the shape is read) when the row does not hold what is asked", () => {
    const cannot = [
      { select: { user: true } },
      { select: { user: { select: { name: true, role: true } } } },
      { select: { user: { select: { name: true }, where: { name: "Ada" } } } },
      { select: { events: { take: 5 } } },
      { select: { office: true } },
      { select: { _count: true } },
      { select: { number: { select: { x: true } } } },
      { select: {} },
      { include: { office: true } },
      { include: { user: true } },
      { omit: { user: true } },
      { omit: { nope: true } },
      { select: { id: true }, include: { user: true } },
      { select: { id: true }, omit: { secret: true } }
    ];
    for (const shape of cannot) expect(projectShape(row, loaded, shape), JSON.stringify(shape)).toBeUndefined();
  });
});
