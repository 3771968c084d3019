import base from "@switchboard/eslint-config/base";

export default base;
