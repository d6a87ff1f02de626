// Dockerfile lint: dockerfile-utils' validator (syntax, flags, instruction arguments) with every
// check on, and the practices these images follow (in the spirit of hadolint's rules).
import { DockerfileParser } from "dockerfile-ast";
import { validate, ValidationSeverity } from "dockerfile-utils";

const ALL_CHECKS = {
  deprecatedMaintainer: ValidationSeverity.ERROR,
  directiveCasing: ValidationSeverity.ERROR,
  emptyContinuationLine: ValidationSeverity.ERROR,
  instructionCasing: ValidationSeverity.ERROR,
  instructionCmdMultiple: ValidationSeverity.ERROR,
  instructionEntrypointMultiple: ValidationSeverity.ERROR,
  instructionHealthcheckMultiple: ValidationSeverity.ERROR,
  instructionJSONInSingleQuotes: ValidationSeverity.ERROR,
  instructionWorkdirRelative: ValidationSeverity.ERROR,
};

/** The stages of a Dockerfile: { name, image, tag, digest, fromStage, instructions }. */
export function stagesOf(text) {
  const dockerfile = DockerfileParser.parse(text);
  const stages = [];
  for (const instruction of dockerfile.getInstructions()) {
    const keyword = instruction.getKeyword();
    if (keyword === "FROM") {
      const image = instruction.getImageName() ?? "";
      const name = instruction.getBuildStage() ?? undefined;
      stages.push({
        name,
        image,
        tag: instruction.getImageTag() ?? "",
        digest: instruction.getImageDigest() ?? "",
        fromStage: stages.some((s) => s.name && s.name === image),
        line: instruction.getRange().start.line + 1,
        instructions: [],
      });
    } else if (stages.length > 0) {
      stages.at(-1).instructions.push({
        keyword,
        text: instruction.getArgumentsContent() ?? "",
        flags: typeof instruction.getFlags === "function" ? instruction.getFlags().map((f) => f.getName()) : [],
        line: instruction.getRange().start.line + 1,
      });
    }
  }
  return stages;
}

/** Problems of a Dockerfile, as "line N: message" strings (empty when it passes). */
export function lintDockerfile(text) {
  const problems = [];
  for (const d of validate(text, ALL_CHECKS)) {
    problems.push(`line ${d.range.start.line + 1}: ${d.message}`);
  }
  const stages = stagesOf(text);
  if (stages.length === 0) return [...problems, "no FROM"];
  if (stages.length < 2) problems.push("not a multi-stage build: the runtime image would carry the build tools");

  const usesBuildKit = stages.some((s) => s.instructions.some((i) => i.flags.some((f) => ["mount", "chmod", "link", "exclude", "parents"].includes(f))));
  if (usesBuildKit && !/^# syntax=docker\/dockerfile:1/m.test(text.split("\n").slice(0, 3).join("\n"))) {
    problems.push("uses BuildKit flags (--mount, --chmod, ...) without a `# syntax=docker/dockerfile:1` directive");
  }

  for (const stage of stages) {
    if (!stage.fromStage && !stage.image.includes("$")) {
      if (!stage.tag && !stage.digest) problems.push(`line ${stage.line}: ${stage.image} has no tag`);
      if (stage.tag === "latest") problems.push(`line ${stage.line}: ${stage.image}:latest is not a fixed version`);
    }
    for (const i of stage.instructions) {
      const where = `line ${i.line}`;
      if (i.keyword === "ADD") problems.push(`${where}: ADD where COPY does (ADD fetches URLs and unpacks archives)`);
      if (i.keyword === "MAINTAINER") problems.push(`${where}: MAINTAINER is deprecated (use a LABEL)`);
      if (i.keyword === "RUN") {
        const run = i.text;
        if (/\bsudo\b/.test(run)) problems.push(`${where}: sudo in RUN`);
        if (/(curl|wget)\b[^|;&]*\|\s*(ba)?sh\b/.test(run)) problems.push(`${where}: pipes a download into a shell`);
        if (/\bapt-get\s+(dist-)?upgrade\b/.test(run)) problems.push(`${where}: apt-get upgrade in an image build (use a newer base image)`);
        if (/\bapt-get\s+install\b/.test(run)) {
          if (!/--no-install-recommends/.test(run)) problems.push(`${where}: apt-get install without --no-install-recommends`);
          if (!/(\s-y\b|--yes|--assume-yes)/.test(run)) problems.push(`${where}: apt-get install without -y`);
          if (!/rm -rf \/var\/lib\/apt\/lists/.test(run)) problems.push(`${where}: apt lists left in the layer`);
        }
        if (/\bapk\s+add\b/.test(run) && !/--no-cache/.test(run)) problems.push(`${where}: apk add without --no-cache`);
        if (/(^|&&|;)\s*cd\s/.test(run)) problems.push(`${where}: cd in RUN (use WORKDIR)`);
      }
      if (i.keyword === "ENV" || i.keyword === "ARG") {
        for (const m of i.text.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\S+)/g)) {
          if (/(PASSWORD|SECRET|TOKEN|PRIVATE_KEY)$/i.test(m[1]) && m[2].replace(/"/g, "") !== "") problems.push(`${where}: ${i.keyword} ${m[1]} bakes a secret into the image`);
        }
      }
    }
  }

  const final = stages.at(-1);
  const last = (keyword) => final.instructions.filter((i) => i.keyword === keyword).at(-1);
  const user = last("USER");
  if (!user) problems.push("the runtime stage runs as root (no USER)");
  else if (/^(root|0)(:|$)/.test(user.text.trim())) problems.push(`line ${user.line}: the runtime stage runs as root`);
  const healthcheck = last("HEALTHCHECK");
  if (!healthcheck) problems.push("the runtime stage has no HEALTHCHECK");
  else if (/^NONE\b/i.test(healthcheck.text.trim())) problems.push(`line ${healthcheck.line}: HEALTHCHECK NONE`);
  if (!last("EXPOSE")) problems.push("the runtime stage does not EXPOSE its port");
  for (const keyword of ["ENTRYPOINT", "CMD"]) {
    const i = last(keyword);
    if (i && !i.text.trim().startsWith("[")) problems.push(`line ${i.line}: ${keyword} in shell form (signals would not reach the process)`);
  }
  if (!last("ENTRYPOINT") && !last("CMD") && !final.fromStage && !/^nginx$/.test(final.image)) problems.push("the runtime stage has neither ENTRYPOINT nor CMD");
  return problems;
}

/** The ENV settings of a stage (the last one unless named), as the image would have them. */
export function envOf(text, stageName) {
  const dockerfile = DockerfileParser.parse(text);
  const stages = [];
  for (const instruction of dockerfile.getInstructions()) {
    const keyword = instruction.getKeyword();
    if (keyword === "FROM") stages.push({ name: instruction.getBuildStage() ?? "", env: {} });
    else if (keyword === "ENV" && stages.length > 0) {
      for (const property of instruction.getProperties()) stages.at(-1).env[property.getName()] = property.getValue() ?? "";
    }
  }
  const stage = stageName === undefined ? stages.at(-1) : stages.find((s) => s.name === stageName);
  return stage ? stage.env : {};
}

/**
 * What the official nginx image's entrypoint does to a template: substitutes $NAME and ${NAME}
 * for the variables that are set and whose names match NGINX_ENVSUBST_FILTER, and leaves every
 * other $ alone.
 */
export function renderNginxTemplate(template, env) {
  const filter = new RegExp(env.NGINX_ENVSUBST_FILTER ?? "");
  return template.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, braced, bare) => {
    const name = braced ?? bare;
    return filter.test(name) && name in env ? env[name] : whole;
  });
}
