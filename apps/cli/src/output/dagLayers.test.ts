import { describe, expect, it } from "vitest";
import { dagLayers } from "./dagLayers.js";

const node = (nodeId: string, ...upstream: string[]) => ({ nodeId, upstream });
const ids = (layers: { nodeId: string }[][]) => layers.map((layer) => layer.map((n) => n.nodeId));

describe("dagLayers", () => {
  it("puts a node one layer below its deepest upstream node, keeping the given order in a layer", () => {
    const layers = dagLayers([node("load", "clean", "late"), node("extract"), node("clean", "extract"), node("late", "clean")]);
    expect(ids(layers)).toEqual([["extract"], ["clean"], ["late"], ["load"]]);
  });

  it("lays out a diamond in three layers and keeps independent roots together", () => {
    const layers = dagLayers([node("a"), node("b", "a"), node("c", "a"), node("d", "b", "c"), node("other")]);
    expect(ids(layers)).toEqual([["a", "other"], ["b", "c"], ["d"]]);
  });

  it("ignores upstream ids that are not nodes, and puts nodes on a cycle in a last layer", () => {
    const layers = dagLayers([node("a", "gone"), node("x", "y"), node("y", "x")]);
    expect(ids(layers)).toEqual([["a"], ["x", "y"]]);
  });
});
