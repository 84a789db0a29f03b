import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { creditLine } from "../../src/lib/credit.ts";

describe("creditLine", () => {
  it("puts the label before a bare name", () => {
    assert.equal(creditLine("AFP", "Crédit"), "Crédit\u00A0: AFP");
    assert.equal(creditLine(" Claire Dumont ", "Crédit"), "Crédit\u00A0: Claire Dumont");
  });

  it("does not repeat the kind of picture the credit already names", () => {
    for (const credit of ["Illustration Pouls", "Photo : AFP", "photographie de l’auteur", "© Inserm", "Crédit : CHU de Lille", "Infographie Pouls"])
      assert.equal(creditLine(credit, "Crédit"), credit);
  });

  it("reads a word, not a prefix", () => {
    assert.equal(creditLine("Photonics Lab", "Crédit"), "Crédit\u00A0: Photonics Lab");
    assert.equal(creditLine("Images & Co", "Crédit"), "Images & Co");
  });
});
