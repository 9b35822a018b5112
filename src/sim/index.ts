export {startSimulatedCluster, type SimulatedCluster, type SimulatedClusterOptions} from './cluster.js';
export {type SimControl} from './control.js';
export {ClusterModel, type AgentSpec, type ModelOptions} from './model/cluster-model.js';
export {SimApiError} from './model/sim-api-error.js';
export {haproxyAvailable, RealHaproxy} from './real-haproxy.js';
export {seedAgents, nginxAppDefinition, shellAppDefinition} from './model/seed.js';
